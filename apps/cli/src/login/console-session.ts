/**
 * A console session as the web page holds one, for the token routes, which only a signed-in person may
 * call: `POST /api/auth/sign-in` with the server's own Origin, then the session cookie, the Origin and the
 * CSRF token on each request (docs/design.md, "HTTP API").
 */
import type { z } from "zod";
import { SignInAnswer } from "../api/answers.ts";
import { reach, refusal } from "../api/api-client.ts";
import { CannotRun } from "../errors.ts";

export class ConsoleSession {
  private constructor(
    readonly url: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
    readonly username: string,
  ) {}

  static async signIn(url: string, username: string, password: string): Promise<ConsoleSession> {
    const response = await reach(url, `${url}/api/auth/sign-in`, {
      method: "POST",
      headers: { origin: url, "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    if (!response.ok) throw await refusal(response);
    const session = SignInAnswer.safeParse(await response.json().catch(() => undefined));
    if (!session.success) throw new CannotRun(`${url} answered the sign-in, but not as PinDesk does`);
    // Each cookie's name=value, as a browser sends them back.
    const cookie = response.headers
      .getSetCookie()
      .map((header) => header.split(";")[0]?.trim())
      .filter(Boolean)
      .join("; ");
    return new ConsoleSession(url, cookie, session.data.csrfToken, session.data.account.username);
  }

  async call<T>(method: string, path: string, body: unknown, answer: z.ZodType<T>): Promise<T> {
    const headers: Record<string, string> = {
      origin: this.url,
      cookie: this.cookie,
      "x-csrf-token": this.csrfToken,
    };
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await reach(this.url, `${this.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw await refusal(response);
    const text = await response.text();
    return answer.parse(text ? JSON.parse(text) : undefined);
  }

  /** Ends the session; the token made with it lives on. A failure here changes nothing for the token. */
  async signOut(): Promise<void> {
    await fetch(`${this.url}/api/auth/sign-out`, {
      method: "POST",
      headers: { origin: this.url, cookie: this.cookie, "x-csrf-token": this.csrfToken },
    }).catch(() => undefined);
  }
}
