/**
 * Which PinDesk to call and with which token: `PINDESK_URL` and `PINDESK_TOKEN` when both are set (scripts,
 * CI), else what `pindesk login` stored.
 */
import type { Connection } from "../api/api-client.ts";
import { CannotRun, UsageError } from "../errors.ts";
import { configPath, readLogin } from "./config-file.ts";

/** The server's origin from what a person typed: a scheme is needed, a trailing slash or path is dropped. */
export function serverUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new UsageError(`${JSON.stringify(text)} is not a URL such as https://pindesk.litwareinc.com`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UsageError(`${text} is not an http:// or https:// URL`);
  }
  return url.origin;
}

export async function connection(env: Record<string, string | undefined>): Promise<Connection> {
  const url = env.PINDESK_URL?.trim();
  const token = env.PINDESK_TOKEN?.trim();
  if (url && token) return { url: serverUrl(url), token };
  if (url || token) {
    throw new CannotRun(
      `${url ? "PINDESK_URL" : "PINDESK_TOKEN"} is set without ${url ? "PINDESK_TOKEN" : "PINDESK_URL"}: set both`,
    );
  }
  const file = configPath(env);
  const stored = await readLogin(file);
  if (!stored) {
    throw new CannotRun("not signed in: set PINDESK_URL and PINDESK_TOKEN, or run pindesk login");
  }
  return { url: serverUrl(stored.url), token: stored.token };
}
