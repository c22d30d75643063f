import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPinHasher } from "../../../crypto/pin-hasher.ts";
import type { DatabaseHandle } from "../../../db/database.ts";
import { TEST_PEPPER } from "../../../test/test-constants.ts";
import { openTestDatabase } from "../../../test/test-database.ts";
import { seedSyntheticUsers, syntheticUser } from "./synthetic-directory.ts";

describe("synthetic users for scale work", () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase("pglite", "migrated");
  });
  afterAll(() => database?.close());

  it("makes the same user from the same seed and index, and another from another seed", () => {
    expect(syntheticUser(3, 42, [1, 2])).toEqual(syntheticUser(3, 42, [1, 2]));
    expect(syntheticUser(4, 42, [1, 2]).samAccountName).not.toBe(syntheticUser(3, 42, [1, 2]).samAccountName);
  });

  it("adds N users, then N more after them without colliding, and gives about half a PIN", async () => {
    const hasher = createPinHasher(TEST_PEPPER);
    await seedSyntheticUsers(database.db, hasher, { count: 300, seed: 5 });
    await seedSyntheticUsers(database.db, hasher, { count: 200, seed: 5 });
    await seedSyntheticUsers(database.db, hasher, { count: 100, seed: 41 });
    const users = await database.db.selectFrom("directory_users").select("id").execute();
    expect(users).toHaveLength(600);
    const pins = await database.db.selectFrom("user_pins").select("user_id").execute();
    expect(pins.length).toBeGreaterThan(200);
    expect(pins.length).toBeLessThan(400);
  });
});
