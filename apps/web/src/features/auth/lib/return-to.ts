/** Where to go after sign-in: a path of this app only, never another site (an open redirect). */
import { paths } from "../../../lib/paths.ts";

export function safeReturnTo(value: string | null): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return paths.users();
  // Back to sign-in would be a loop.
  if (value.startsWith(paths.signIn())) return paths.users();
  return value;
}
