import { describe, expect, it } from "vitest";
import { createPinVault } from "./pin-vault.ts";

describe("the PIN vault", () => {
  const vault = createPinVault(Buffer.from("pepper one"));

  it("gives back the PIN it sealed, and seals the same PIN differently each time", () => {
    const a = vault.seal("730518");
    expect(vault.open(a)).toBe("730518");
    expect(vault.seal("730518")).not.toBe(a);
    expect(a).not.toContain("730518");
  });

  it("cannot be opened with another pepper, nor after tampering", () => {
    const sealed = vault.seal("730518");
    expect(() => createPinVault(Buffer.from("pepper two")).open(sealed)).toThrow();
    const [iv, body, tag] = sealed.split(".");
    const flipped = `${iv}.${body?.startsWith("A") ? `B${body.slice(1)}` : `A${body?.slice(1)}`}.${tag}`;
    expect(() => vault.open(flipped)).toThrow();
  });
});
