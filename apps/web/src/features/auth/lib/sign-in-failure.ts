import { ApiError } from "../../../lib/api-client.ts";

/**
 * What the sign-in form says when sign-in fails. The server's messages are written for this page — wrong
 * credentials, a disabled account, no role, too many attempts, and a domain controller that cannot answer
 * (503 `directory_unavailable`, which says a local account still signs in) — so they are shown as they are.
 */
export function signInFailureMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return "Sign-in failed. Try again.";
  // An empty field: the server names it ("enter your user name"); say it as a sentence.
  if (error.status === 400 && error.details.length > 0) {
    return error.details.map((d) => `${d.message.charAt(0).toUpperCase()}${d.message.slice(1)}.`).join(" ");
  }
  return error.message;
}
