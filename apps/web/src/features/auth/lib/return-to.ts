/**
 * Where to go after sign-in: a path of this app only, never another site (an open redirect). The rule is the
 * server's own for single sign-on (safeReturnPath), so the form and the identity provider's way back agree.
 */
import { safeReturnPath } from "@pindesk/domain/auth/single-sign-on";
import { paths } from "../../../lib/paths.ts";

export function safeReturnTo(value: string | null): string {
  const path = safeReturnPath(value);
  // Nowhere to return to (or nowhere safe): the Users page, the console's first.
  return path === "/" ? paths.users() : path;
}
