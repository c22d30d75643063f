/** Sign-in and the signed-in session as the API and the SPA exchange them (docs/design.md, "HTTP API"). */
import { z } from "zod";
import type { Permission } from "./permissions.ts";
import type { CsRole } from "./roles.ts";

export const SignInRequest = z
  .object({
    username: z.string().trim().min(1, "enter your user name").max(256, "must be at most 256 characters"),
    // Not trimmed: a password's spaces are part of it.
    password: z.string().min(1, "enter your password").max(1024, "must be at most 1024 characters"),
  })
  .strict();
export type SignInRequest = z.infer<typeof SignInRequest>;

export interface SignedInAccount {
  id: number;
  username: string;
  displayName: string;
}

/** `POST /api/auth/sign-in` and `GET /api/auth/me`. */
export interface SessionInfo {
  account: SignedInAccount;
  roles: CsRole[];
  permissions: Permission[];
  /** Sent back as `X-CSRF-Token` on every unsafe request of this session. */
  csrfToken: string;
  /** When the session ends if it stays idle, and at the latest (ISO 8601). */
  idleExpiresAt: string;
  absoluteExpiresAt: string;
}

/** The one message for an unknown user and a wrong password, so neither tells which it was. */
export const WRONG_CREDENTIALS_MESSAGE = "The user name or password is incorrect.";
