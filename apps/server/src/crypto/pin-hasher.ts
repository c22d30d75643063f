/**
 * PINs are stored as argon2id PHC strings keyed with a pepper that lives outside the database, so a copy of
 * the database alone does not let anyone test PIN guesses offline (docs/design.md, "Secrets").
 */
import { randomBytes } from "node:crypto";
import { type Argon2idOptions, argon2idHash, argon2idVerify, isCurrentArgon2id } from "./argon2id.ts";

export interface PinHasher {
  hash(pin: string): Promise<string>;
  verify(pinHash: string, pin: string): Promise<boolean>;
  /** Spends the time of one verification, for a PIN check whose caller has no PIN to compare with. */
  verifyNothing(pin: string): Promise<void>;
  /** Made with older parameters: replace it after the next successful check. */
  needsRehash(pinHash: string): boolean;
}

export function createPinHasher(pepper: Uint8Array, parameters?: Argon2idOptions["parameters"]): PinHasher {
  const options: Argon2idOptions = { secret: pepper, ...(parameters ? { parameters } : {}) };
  let dummy: Promise<string> | undefined;
  return {
    hash: (pin) => argon2idHash(pin, options),
    verify: (pinHash, pin) => argon2idVerify(pinHash, pin, options),
    async verifyNothing(pin) {
      dummy ??= argon2idHash(randomBytes(16).toString("base64"), options);
      await argon2idVerify(await dummy, pin, options);
    },
    needsRehash: (pinHash) => !isCurrentArgon2id(pinHash),
  };
}
