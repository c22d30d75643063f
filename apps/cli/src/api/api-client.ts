/**
 * The one way the command line calls PinDesk: JSON over HTTP with the API token as a bearer token (no
 * cookie, Origin or CSRF token), every answer checked against its schema, every failure one sentence.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import type { z } from "zod";
import { CannotRun } from "../errors.ts";
import { ApiErrorAnswer } from "./answers.ts";

/** How often one request is sent while the token's rate limit refuses it (429 with Retry-After). */
const RATE_LIMIT_ATTEMPTS = 3;

export interface Connection {
  /** PinDesk's own origin, such as https://pindesk.litwareinc.com. */
  url: string;
  token: string;
}

/** PinDesk answered with an error: its status and error body (docs/design.md, "HTTP API"). */
export class ApiRefusal extends CannotRun {
  constructor(
    readonly status: number,
    readonly error: ApiErrorBody["error"],
  ) {
    super(describeRefusal(status, error));
  }

  /**
   * Whether the refusal concerns the whole command (the token, its roles, the server's rate, its settings) rather than
   * the users of one request: then nothing else would fare better and the command stops.
   */
  get stopsTheCommand(): boolean {
    // 409: PinDesk cannot do this at all as it is set up (Set PIN by email with mail off).
    return [401, 403, 409, 421, 429].includes(this.status);
  }
}

function describeRefusal(status: number, error: ApiErrorBody["error"]): string {
  // A 400's details name the request field (body.ldapFilter, body.identities.3), which the message may not.
  const details = (error.details ?? []).map((detail) => `${detail.path}: ${detail.message}`);
  const text =
    details.length > 0 && details.every((detail) => detail.length <= 200)
      ? details.join("; ")
      : error.message;
  if (status === 401) return `PinDesk refused the token: ${text}`;
  if (status === 403) return `PinDesk refused: ${text}`;
  return text;
}

export class PinDeskApi {
  constructor(readonly connection: Connection) {}

  get<T>(path: string, answer: z.ZodType<T>): Promise<T> {
    return this.call("GET", path, undefined, answer);
  }

  post<T>(path: string, body: unknown, answer: z.ZodType<T>): Promise<T> {
    return this.call("POST", path, body, answer);
  }

  /** A text answer (a CSV download). */
  async text(path: string): Promise<string> {
    return (await this.send("GET", path, undefined)).text();
  }

  async call<T>(method: string, path: string, body: unknown, answer: z.ZodType<T>): Promise<T> {
    const response = await this.send(method, path, body);
    if (response.status === 204) return answer.parse(undefined);
    const parsed = answer.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CannotRun(
        `PinDesk answered ${method} ${path} in a shape this pindesk does not know ` +
          `(${issue?.path.join(".") || "the answer"}: ${issue?.message}); are the server and pindesk the same version?`,
      );
    }
    return parsed.data;
  }

  private async send(method: string, path: string, body: unknown): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.connection.token}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    for (let attempt = 1; ; attempt++) {
      const response = await reach(this.connection.url, `${this.connection.url}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (response.ok) return response;
      // A token's per-minute limit: wait as the server says and send the same request again.
      const wait = Number(response.headers.get("retry-after"));
      if (response.status === 429 && attempt < RATE_LIMIT_ATTEMPTS && wait >= 0 && wait <= 60) {
        await response.body?.cancel();
        await sleep(wait * 1000);
        continue;
      }
      throw await refusal(response);
    }
  }
}

/** fetch, with "cannot reach" naming the address and the reason instead of a bare "fetch failed". */
export async function reach(base: string, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, redirect: "manual" });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new CannotRun(`cannot reach PinDesk at ${base}: ${why}`);
  }
}

/** The error body of a failed answer, or one made up from the status when the answer is not PinDesk's. */
export async function refusal(response: Response): Promise<ApiRefusal> {
  const text = await response.text().catch(() => "");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = ApiErrorAnswer.safeParse(json);
  if (parsed.success) return new ApiRefusal(response.status, parsed.data.error);
  const where = response.headers.get("location");
  const message = where
    ? `PinDesk answered ${response.status}, redirecting to ${where}: is the URL PinDesk's own?`
    : `PinDesk answered ${response.status} ${response.statusText} without an error body: is the URL PinDesk's?`;
  return new ApiRefusal(response.status, { code: "unexpected_answer", message });
}
