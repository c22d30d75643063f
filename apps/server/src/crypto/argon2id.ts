/**
 * argon2id at OWASP's parameters (19 MiB, t=2, p=1), as PHC strings that carry their parameters, so a hash
 * made with older (weaker) parameters can be recognised and replaced at the next successful check.
 */
import { hash, verify } from "@node-rs/argon2";

/** Argon2id in @node-rs/argon2's `Algorithm` const enum, which isolated modules cannot import. */
const ARGON2ID = 2;
export const ARGON2ID_PARAMETERS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2ID_PARAMETERS.memoryCost},t=${ARGON2ID_PARAMETERS.timeCost},p=${ARGON2ID_PARAMETERS.parallelism}$`;

export interface Argon2idOptions {
  /** A key kept outside the database (the PIN pepper); absent for console passwords. */
  secret?: Uint8Array;
  /** Parameters other than today's, for tests of the upgrade path. */
  parameters?: { memoryCost: number; timeCost: number; parallelism: number };
}

export function argon2idHash(secret: string, options: Argon2idOptions = {}): Promise<string> {
  return hash(secret, {
    algorithm: ARGON2ID,
    ...(options.parameters ?? ARGON2ID_PARAMETERS),
    ...(options.secret ? { secret: options.secret } : {}),
  });
}

/** False for a wrong secret and for a stored hash that is not a PHC string at all. */
export async function argon2idVerify(stored: string, secret: string, options: Argon2idOptions = {}) {
  try {
    return await verify(stored, secret, options.secret ? { secret: options.secret } : {});
  } catch {
    return false;
  }
}

export const isCurrentArgon2id = (stored: string) => stored.startsWith(CURRENT_PREFIX);
