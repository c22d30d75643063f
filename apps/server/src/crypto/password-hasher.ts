/**
 * Console passwords as argon2id PHC strings (argon2id.ts). A sign-in for an
 * account that does not exist still verifies against a hash of the same cost, so the answer takes about as
 * long as a wrong password does and timing does not tell which accounts exist.
 */
import { randomBytes } from "node:crypto";
import { argon2idHash, argon2idVerify, isCurrentArgon2id } from "./argon2id.ts";

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** Spends the time of one verification, for an account that does not exist. */
  verifyNothing(password: string): Promise<void>;
  /** A hash made with weaker parameters than today's, to be replaced at the next successful sign-in. */
  needsRehash(passwordHash: string): boolean;
}

export function createPasswordHasher(): PasswordHasher {
  let dummy: Promise<string> | undefined;
  return {
    hash: (password) => argon2idHash(password),
    verify: (passwordHash, password) => argon2idVerify(passwordHash, password),
    async verifyNothing(password) {
      dummy ??= argon2idHash(randomBytes(16).toString("base64"));
      await argon2idVerify(await dummy, password);
    },
    needsRehash: (passwordHash) => !isCurrentArgon2id(passwordHash),
  };
}

/** A generated password: 20 characters from an alphabet without look-alikes (about 115 bits). */
export function generatePassword(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  // Rejection sampling keeps every character equally likely (256 is not a multiple of the alphabet's size).
  const accepted = alphabet.length * Math.floor(256 / alphabet.length);
  let password = "";
  while (password.length < 20) {
    for (const byte of randomBytes(32)) {
      if (byte < accepted && password.length < 20) password += alphabet[byte % alphabet.length];
    }
  }
  return password;
}
