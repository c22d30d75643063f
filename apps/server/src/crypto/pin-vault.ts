/**
 * Seals a generated PIN for the short time between a job making it and its results being downloaded once:
 * AES-256-GCM under a key derived (HKDF-SHA-256) from the PIN pepper, which is not in the database, so the
 * database alone holds nothing a PIN can be read from.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

export interface PinVault {
  seal(pin: string): string;
  open(sealed: string): string;
}

export function createPinVault(pepper: Uint8Array): PinVault {
  const key = Buffer.from(hkdfSync("sha256", pepper, Buffer.alloc(0), "pindesk job PINs v1", 32));
  return {
    seal(pin) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(pin, "utf8"), cipher.final()]);
      return [iv, body, cipher.getAuthTag()].map((part) => part.toString("base64url")).join(".");
    },
    open(sealed) {
      const [iv, body, tag] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
      if (!iv || !body || !tag) throw new Error("a sealed PIN has three parts");
      const decipher = createDecipheriv("aes-256-gcm", key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
    },
  };
}
