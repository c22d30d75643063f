/**
 * The audit log in each of its orders (issue 16): every key both ways, paged by keyset across page
 * boundaries with nothing twice and nothing missed, the CSV export in the same order, bad keys refused.
 */
import {
  AUDIT_ACTIONS,
  AUDIT_SORT_KEYS,
  type AuditEvent,
  type AuditPage,
  type AuditSortKey,
} from "@pindesk/domain/audit/audit-event";
import { parseCsv } from "@pindesk/domain/csv/test-support/parse-csv";
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NewAuditEvent, writeAuditEvents } from "../../core/audit/audit-store.ts";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

// Names differing in letters only, so byte order and a language's collation agree; one capitalised, since
// names sort regardless of case.
const ACTORS = ["zz-sort-delta", "zz-sort-Bravo", "zz-sort-alpha", "zz-sort-charlie"];
const TARGETS = ["kim", null, "Abel", "lee", null];
const ACTIONS = [
  "pin.lock",
  "account.setRoles",
  "pin.set",
  "auth.signIn",
  "job.start",
  "pin.unlock",
] as const;
const OUTCOMES = ["Success", "Failure", "Denied"] as const;

/** What each key compares, as the page shows it; null where there is no target. */
const sortValue: Record<Exclude<AuditSortKey, "time">, (event: AuditEvent) => string | null> = {
  actor: (event) => event.actorName.toLowerCase(),
  target: (event) => event.targetName?.toLowerCase() ?? null,
  action: (event) => AUDIT_ACTIONS[event.action],
  outcome: (event) => event.outcome,
};

/**
 * The order the API should answer, worked out here independently: from A to Z nulls last and ties newest
 * first; Z to A the same list turned round.
 */
function expectedOrder(events: AuditEvent[], key: AuditSortKey, dir: "asc" | "desc"): number[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...events]
    .sort((a, b) => {
      if (key === "time") return sign * (a.id - b.id);
      const [x, y] = [sortValue[key](a), sortValue[key](b)];
      if (x !== y) {
        if (x === null) return sign; // after every value from A to Z, before them from Z to A
        if (y === null) return -sign;
        return sign * (key === "action" ? x.localeCompare(y, "en") : x < y ? -1 : 1);
      }
      return sign * (b.id - a.id);
    })
    .map((event) => event.id);
}

describe.each(TEST_ENGINES)("the audit log's sort on %s", (engine) => {
  let app: TestApp;
  let ours: AuditEvent[];
  beforeAll(async () => {
    app = await startTestApp(engine);
    // 20 events with every kind of tie: same actor, same target, no target, same action, same outcome.
    const events: NewAuditEvent[] = Array.from({ length: 20 }, (_, i) => ({
      at: app.clock.now(),
      actor: { type: "account", id: null, name: ACTORS[i % ACTORS.length] ?? "" },
      action: ACTIONS[i % ACTIONS.length] ?? "pin.lock",
      target: TARGETS[i % TARGETS.length]
        ? { type: "user", name: TARGETS[i % TARGETS.length] ?? "" }
        : undefined,
      outcome: OUTCOMES[i % OUTCOMES.length] ?? "Success",
    }));
    await writeAuditEvents(app.db, events);
    ours = (await audit("?actor=zz-sort-&limit=200")).body.events;
    expect(ours).toHaveLength(20);
  });
  afterAll(() => app?.close());

  const audit = (query: string) =>
    app
      .signedIn(["CsViewOnlyAdministrator"])
      .then((c) => c.get<AuditPage & ApiErrorBody>(`/api/audit${query}`));

  /** Every page of one order, following nextBefore; the ids in the order they came. */
  async function allPages(order: string, limit: number): Promise<number[]> {
    const seen: number[] = [];
    let before: number | null = null;
    for (let pages = 0; pages < 30; pages++) {
      const response = await audit(
        `?actor=zz-sort-&${order}&limit=${limit}${before ? `&before=${before}` : ""}`,
      );
      expect(response.status).toBe(200);
      seen.push(...response.body.events.map((event) => event.id));
      before = response.body.nextBefore;
      if (before === null) return seen;
    }
    throw new Error("more pages than events");
  }

  describe.each(AUDIT_SORT_KEYS)("by %s", (key) => {
    it.each(["asc", "desc"] as const)("%s, in one page and across pages of 3 and 7", async (dir) => {
      const expected = expectedOrder(ours, key, dir);
      const one = (await audit(`?actor=zz-sort-&sort=${key}&dir=${dir}&limit=200`)).body.events;
      expect(one.map((event) => event.id)).toEqual(expected);
      // Page boundaries fall inside runs of equal values: nothing twice, nothing missed.
      expect(await allPages(`sort=${key}&dir=${dir}`, 3)).toEqual(expected);
      expect(await allPages(`sort=${key}&dir=${dir}`, 7)).toEqual(expected);
    });
  });

  it("sorts by time newest first when no order is given, and a key alone from its usual end", async () => {
    expect((await audit("?actor=zz-sort-&limit=200")).body.events.map((e) => e.id)).toEqual(
      expectedOrder(ours, "time", "desc"),
    );
    expect((await audit("?actor=zz-sort-&sort=actor&limit=200")).body.events.map((e) => e.id)).toEqual(
      expectedOrder(ours, "actor", "asc"),
    );
  });

  it("exports the CSV in the order asked", async () => {
    const viewer = await app.signedIn(["CsViewOnlyAdministrator"]);
    const response = await viewer.get<string>("/api/audit/export.csv?actor=zz-sort-&sort=target&dir=desc");
    expect(response.status).toBe(200);
    const rows = parseCsv(response.body.replace(/^\uFEFF/, "")).slice(1);
    const byId = new Map(ours.map((event) => [event.id, event]));
    expect(rows.map((row) => row[5])).toEqual(
      expectedOrder(ours, "target", "desc").map((id) => byId.get(id)?.targetName ?? ""),
    );
  });

  it.each([
    [
      "?sort=colour",
      "query.sort",
      /must be one of "time", "actor", "action", "target", "outcome", not "colour"/,
    ],
    ["?sort=actor&dir=up", "query.dir", /must be "asc" or "desc", not "up"/],
    ["?sort=actor&before=999999999", "query.before", /is not an audit event/],
  ])("refuses %s naming %s", async (query, path, message) => {
    const response = await audit(query);
    expect(response.status).toBe(400);
    expect(response.body.error.details?.[0]?.path).toBe(path);
    expect(response.body.error.details?.[0]?.message).toMatch(message);
  });
});
