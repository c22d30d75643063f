/** Audit events in bulk: a request that changes 10 000 users writes 10 000 events, past one statement's limit. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database.ts";
import { openTestDatabase } from "../../test/test-database.ts";
import { SYSTEM_ACTOR } from "../caller.ts";
import { writeAuditEvents } from "./audit-store.ts";

describe("writing audit events", () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase("pglite", "migrated");
  });
  afterAll(() => database?.close());

  it("writes 7 000 events at once (77 000 parameters in one INSERT would be refused)", async () => {
    const at = new Date("2026-11-23T09:00:00Z");
    const events = Array.from({ length: 7000 }, (_, i) => ({
      at,
      actor: SYSTEM_ACTOR,
      action: "pin.lock" as const,
      target: { type: "user", id: i + 1, name: `user ${i + 1}` },
      outcome: "Success" as const,
    }));
    await writeAuditEvents(database.db, events);
    const written = await database.db
      .selectFrom("audit_events")
      .select("target_id")
      .orderBy("target_id")
      .execute();
    expect(written.map((row) => row.target_id)).toEqual(events.map((event) => event.target.id));
  });
});
