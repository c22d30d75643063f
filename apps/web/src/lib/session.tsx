/**
 * The signed-in session, for every part of the SPA: who is signed in and what their roles allow. The server
 * decides; this only mirrors its answer so the UI can hide areas and disable actions with the reason.
 */
import { deniedReason, type Permission } from "@pindesk/domain/auth/permissions";
import type { SessionInfo } from "@pindesk/domain/auth/sign-in";
import { createContext, use } from "react";

export const SessionContext = createContext<SessionInfo | null>(null);

export function useSession(): SessionInfo {
  const session = use(SessionContext);
  if (!session) throw new Error("useSession is used outside a signed-in page");
  return session;
}

export interface PermissionCheck {
  allowed: boolean;
  /** Why not, naming the roles that may (for a disabled control's tooltip); undefined when allowed. */
  reason: string | undefined;
}

export function usePermission(permission: Permission): PermissionCheck {
  const allowed = useSession().permissions.includes(permission);
  return { allowed, reason: allowed ? undefined : deniedReason(permission) };
}
