/**
 * A PIN is shown once, in the answer that made it, and nowhere else: not in any table, any log line, any
 * other response or any audit detail (docs/design.md, "Secrets").
 */
import type { SetPinResult } from "@pindesk/domain/pins/pin-api";
import { sql } from "kysely";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

/** A PIN as a whole number in some text: not the same digits inside a longer number such as a phone number. */
const contains = (text: string, pin: string) => new RegExp(`(?<![0-9])${pin}(?![0-9])`).test(text);

describe.each(TEST_ENGINES)("PIN secrecy on %s", (engine) => {
  let app: TestApp;
  const logLines: string[] = [];
  beforeAll(async () => {
    const logger = pino({ level: "trace" }, { write: (line: string) => logLines.push(line) });
    app = await startTestApp(engine, { logger });
  });
  afterAll(() => app?.close());

  it("finds no PIN in any table, log line, later response or audit detail after PINs are set", async () => {
    const generated = await app.post<{ results: SetPinResult[] }>("/api/pins/set", {
      identities: ["Pilar*", "* Smith", "litwareinc\\kenmyer"],
      mode: "generate",
    });
    const pins = generated.body.results.flatMap((r) => (r.pin ? [r.pin] : []));
    expect(pins.length).toBeGreaterThanOrEqual(6);
    const manualPin = "730518";
    const manual = await app.post("/api/pins/set", {
      identities: ["litwareinc\\hollyholt"],
      mode: "manual",
      pin: manualPin,
    });
    expect(JSON.stringify(manual.body)).not.toContain(manualPin);
    const refused = await app.post("/api/pins/set", {
      identities: ["litwareinc\\donhall"],
      mode: "manual",
      pin: "123456",
    });
    const secrets = [...pins, manualPin, "123456"];

    // Everything an administrator or a bridge can read afterwards.
    const bridge = await app.bridge();
    const later = [
      refused,
      await bridge.check({ identity: "sip:hollyholt@litwareinc.com", pin: manualPin }),
      await bridge.check({ identity: "sip:kenmyer@litwareinc.com", pin: "000001" }),
      await app.post("/api/pins/status", { identities: ["Pilar*", "* Smith", "Holly Holt"] }),
      await app.post("/api/users/search", { searchText: "", maxUsers: 200, filters: [] }),
      await app.get("/api/audit?limit=200"),
    ];
    for (const user of generated.body.results) later.push(await app.get(`/api/users/${user.userId}`));
    const responses = later.map((response) => JSON.stringify(response.body)).join("\n");

    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public'`.execute(app.db);
    let dump = "";
    for (const { table_name } of tables.rows) {
      const rows = await sql`select * from ${sql.table(table_name)}`.execute(app.db);
      dump += JSON.stringify(rows.rows);
    }
    expect(tables.rows.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(["user_pins", "audit_events", "sessions"]),
    );
    expect(logLines.length).toBeGreaterThan(10);

    for (const pin of secrets) {
      expect(contains(dump, pin), `a table holds ${pin}`).toBe(false);
      expect(contains(logLines.join("\n"), pin), `a log line holds ${pin}`).toBe(false);
      expect(contains(responses, pin), `a later response holds ${pin}`).toBe(false);
    }
  });
});
