import { beforeAll, describe, expect, it } from "vitest";
import { createPinHasher, type PinHasher } from "../../crypto/pin-hasher.ts";
import { TEST_PEPPER } from "../../test/test-constants.ts";
import { reusesRecentPin } from "./pin-history-check.ts";

describe("reusesRecentPin, against real argon2id hashes", () => {
  const hasher: PinHasher = createPinHasher(TEST_PEPPER);
  let row: { pin_hash: string; recent_pin_hashes: string[] };
  beforeAll(async () => {
    // Set in this order: 318274 first, 590631 now.
    row = {
      pin_hash: await hasher.hash("590631"),
      recent_pin_hashes: [await hasher.hash("447120"), await hasher.hash("318274")],
    };
  });

  it("finds the current PIN with a history of 1, and nothing earlier", async () => {
    expect(await reusesRecentPin(hasher, row, "590631", 1)).toBe(true);
    expect(await reusesRecentPin(hasher, row, "447120", 1)).toBe(false);
  });

  it("finds each of the last N, and the one before them only when N reaches it", async () => {
    expect(await reusesRecentPin(hasher, row, "447120", 2)).toBe(true);
    expect(await reusesRecentPin(hasher, row, "318274", 2)).toBe(false);
    expect(await reusesRecentPin(hasher, row, "318274", 3)).toBe(true);
  });

  it("lets any PIN be used again with a history of 0, and a new PIN always", async () => {
    expect(await reusesRecentPin(hasher, row, "590631", 0)).toBe(false);
    expect(await reusesRecentPin(hasher, row, "862049", 20)).toBe(false);
  });

  it("has nothing to compare for a user who never had a PIN", async () => {
    expect(await reusesRecentPin(hasher, undefined, "590631", 5)).toBe(false);
  });

  it("does not take a hash made with another pepper for the same PIN", async () => {
    const other = createPinHasher(new Uint8Array(32).fill(7));
    const foreign = { pin_hash: await other.hash("590631"), recent_pin_hashes: [] };
    expect(await reusesRecentPin(hasher, foreign, "590631", 1)).toBe(false);
  });
});
