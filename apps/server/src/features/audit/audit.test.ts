/** The audit log: written with the change in one transaction, read back filtered and paged. */
import type { AuditPage } from "@pindesk/domain/audit/audit-event";
import { parseCsv } from "@pindesk/domain/csv/test-support/parse-csv";
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, TEST_START, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

describe.each(TEST_ENGINES)("the audit log on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
    // A little history: two failed sign-ins, a few accounts, one an hour later.
    await app.anonymous().signIn("ghost", "nope nope nope");
    await app.anonymous().signIn("ghost", "nope nope nope");
    await app.createAccount(["CsHelpDesk"], "hd.one");
    app.clock.advance(60 * 60_000);
    await app.createAccount(["CsHelpDesk"], "hd.two");
  });
  afterAll(() => app?.close());

  const audit = (query: string) =>
    app
      .signedIn(["CsViewOnlyAdministrator"])
      .then((c) => c.get<AuditPage & ApiErrorBody>(`/api/audit${query}`));

  it("lists newest first", async () => {
    const { body } = await audit("");
    const ids = body.events.map((event) => event.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(body.events[0]?.action).toBe("auth.signIn"); // the viewer's own sign-in
  });

  it("filters by action, outcome, actor and target (prefix, any case)", async () => {
    const failures = (await audit("?action=auth.signIn&outcome=Failure")).body.events;
    expect(failures).toHaveLength(2);
    expect(failures.every((e) => e.actorName === "ghost" && e.actorType === "anonymous")).toBe(true);
    expect((await audit("?actor=GHO")).body.events).toHaveLength(2);
    const created = (await audit("?action=account.create&target=hd.")).body.events.map((e) => e.targetName);
    expect(created).toEqual(["hd.two", "hd.one"]);
  });

  it("filters by date range", async () => {
    const from = new Date(TEST_START.getTime() + 30 * 60_000).toISOString();
    const events = (await audit(`?action=account.create&from=${from}&target=hd`)).body.events;
    expect(events.map((e) => e.targetName)).toEqual(["hd.two"]);
    const to = (await audit(`?action=account.create&to=${from}&target=hd`)).body.events;
    expect(to.map((e) => e.targetName)).toEqual(["hd.one"]);
  });

  it("pages with `before` until the last page", async () => {
    const seen: number[] = [];
    let before: number | null = null;
    do {
      const page: AuditPage = (await audit(`?limit=3${before ? `&before=${before}` : ""}`)).body;
      seen.push(...page.events.map((e) => e.id));
      before = page.nextBefore;
    } while (before !== null);
    const all = await app.db.selectFrom("audit_events").select("id").orderBy("id", "desc").execute();
    expect(seen).toEqual(all.map((row) => row.id).filter((id) => id <= (seen[0] ?? 0)));
  });

  it.each([
    ["?action=pin.eat", "query.action"],
    ["?outcome=Maybe", "query.outcome"],
    ["?from=yesterday", "query.from"],
    ["?from=2026-11-23T10:00:00Z&to=2026-11-23T09:00:00Z", "query.to"],
    ["?limit=500", "query.limit"],
    ["?colour=red", "query"],
  ])("refuses %s naming %s", async (query, path) => {
    const response = await audit(query);
    expect(response.status).toBe(400);
    expect(response.body.error.details?.[0]?.path).toBe(path);
  });

  it("exports every event the filters match as CSV, past any page size, and audits the export", async () => {
    const viewer = await app.signedIn(["CsViewOnlyAdministrator"]);
    for (let i = 0; i < 3; i++) await app.createAccount(["CsHelpDesk"], `csv.${i}`);
    const response = await viewer.get<string>(
      "/api/audit/export.csv?action=account.create&target=csv.&limit=1",
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /attachment; filename="pindesk-audit-\d{4}-\d\d-\d\d\.csv"/,
    );
    const rows = parseCsv(response.body.replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual([
      "Time",
      "Actor type",
      "Actor",
      "Action",
      "Target type",
      "Target",
      "Outcome",
      "Client address",
      "Details",
    ]);
    // limit=1 is the page's, not the file's: every matching event is in it, newest first.
    expect(rows.slice(1).map((row) => row[5])).toEqual(["csv.2", "csv.1", "csv.0"]);
    expect(rows[1]?.[3]).toBe("Create console account");
    expect(JSON.parse(rows[1]?.[8] ?? "{}")).toMatchObject({ roles: ["CsHelpDesk"] });

    const exports = (await audit("?action=audit.export")).body.events;
    expect(exports[0]).toMatchObject({ actorName: viewer.username, outcome: "Success" });
    expect(exports[0]?.details).toMatchObject({
      rows: 3,
      filters: { action: "account.create", target: "csv." },
    });
  });

  it("refuses the export to roles that may not read the log, and a bad filter before any byte", async () => {
    const helpDesk = await app.signedIn(["CsHelpDesk"]);
    expect((await helpDesk.get("/api/audit/export.csv")).status).toBe(403);
    const viewer = await app.signedIn(["CsViewOnlyAdministrator"]);
    const bad = await viewer.get<ApiErrorBody>("/api/audit/export.csv?outcome=Maybe");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.[0]?.path).toBe("query.outcome");
  });

  it("rolls the change back when its audit event cannot be written, and the event back with the change", async () => {
    // Make the database refuse one kind of audit event, as a full disk or a lost connection might.
    await sql`create function refuse_audit() returns trigger language plpgsql as
      $$ begin raise exception 'audit refused'; end $$`.execute(app.db);
    await sql`create trigger refuse_set_roles before insert on audit_events
      for each row when (new.action = 'account.setRoles') execute function refuse_audit()`.execute(app.db);
    try {
      const client = await app.signedIn(["CsHelpDesk"]);
      const id = await app.accountIdOf(client);
      const admin = await app.signedIn(["CsAdministrator"]);
      const response = await admin.put(`/api/accounts/${id}/roles`, { roles: ["CsViewOnlyAdministrator"] });
      expect(response.status).toBe(500);
      const row = await app.db
        .selectFrom("console_accounts")
        .select("roles")
        .where("id", "=", id)
        .executeTakeFirst();
      expect(row?.roles).toEqual(["CsHelpDesk"]);
      expect((await client.get("/api/auth/me")).status).toBe(200); // its sessions were not ended either
    } finally {
      await sql`drop trigger refuse_set_roles on audit_events`.execute(app.db);
    }
  });
});
