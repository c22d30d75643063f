/**
 * Session ids and CSRF tokens, for console and dial-in sessions alike (docs/decisions/0006): 256 random
 * bits, base64url; the database keeps only the id's SHA-256, so a copy of a sessions table cannot be replayed.
 */
import { createHash, randomBytes } from "node:crypto";

export const newSessionId = () => randomBytes(32).toString("base64url");
export const newCsrfToken = () => randomBytes(32).toString("base64url");
export const hashSessionId = (id: string) => createHash("sha256").update(id).digest("hex");
