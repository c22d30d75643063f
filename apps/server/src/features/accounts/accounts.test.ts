/** The Console accounts API: create with a one-time password, roles, disable/enable, reset, and the guards. */
import type { AccountWithPassword, ConsoleAccount } from "@pindesk/domain/accounts/console-account";
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

describe.each(TEST_ENGINES)("console accounts on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app?.close());

  const create = (body: object) => app.post<AccountWithPassword & ApiErrorBody>("/api/accounts", body);

  it("creates an account whose generated password is shown once and works", async () => {
    const created = await create({
      username: "pilar.admin",
      displayName: "Pilar Ackerman",
      roles: ["CsUserAdministrator"],
    });
    expect(created.status).toBe(201);
    expect(created.body.account).toMatchObject({
      username: "pilar.admin",
      roles: ["CsUserAdministrator"],
      disabled: false,
    });
    expect(created.body.password).toMatch(/^[A-Za-z0-9]{20}$/);
    const listed = await app.get<{ accounts: ConsoleAccount[] }>("/api/accounts");
    expect(JSON.stringify(listed.body)).not.toContain(created.body.password);
    expect(JSON.stringify(listed.body)).not.toContain("argon2");
    const client = app.anonymous();
    expect((await client.signIn("Pilar.Admin", created.body.password)).status).toBe(200); // names are case-insensitive
    const [audit] = await app.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "account.create")
      .execute();
    expect(audit).toMatchObject({ target_name: "pilar.admin", details: { roles: ["CsUserAdministrator"] } });
    expect(JSON.stringify(audit)).not.toContain(created.body.password);
  });

  it.each([
    [{ username: "bad name", displayName: "x", roles: ["CsHelpDesk"] }, "body.username"],
    [{ username: "ok", displayName: "", roles: ["CsHelpDesk"] }, "body.displayName"],
    [{ username: "ok", displayName: "x", roles: [] }, "body.roles"],
    [{ username: "ok", displayName: "x", roles: ["CsHelpDesk", "CsHelpDesk"] }, "body.roles"],
    [{ username: "ok", displayName: "x", roles: ["CsRoot"] }, "body.roles.0"],
  ])("refuses %j naming %s", async (body, path) => {
    const response = await create(body);
    expect(response.status).toBe(400);
    expect(response.body.error.details?.[0]?.path).toBe(path);
  });

  it("refuses a second account with the same name in any case", async () => {
    await create({ username: "kenadmin", displayName: "Ken", roles: ["CsHelpDesk"] });
    const again = await create({ username: "KenAdmin", displayName: "Ken", roles: ["CsHelpDesk"] });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe("There is already a console account named KenAdmin");
  });

  it("changes roles and audits from and to", async () => {
    const { body } = await create({ username: "roles.test", displayName: "R", roles: ["CsHelpDesk"] });
    const response = await app.put<{ account: ConsoleAccount }>(`/api/accounts/${body.account.id}/roles`, {
      roles: ["CsHelpDesk", "CsViewOnlyAdministrator"],
    });
    expect(response.body.account.roles).toEqual(["CsHelpDesk", "CsViewOnlyAdministrator"]);
    const [audit] = await app.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "account.setRoles")
      .orderBy("id", "desc")
      .execute();
    expect(audit?.details).toEqual({ from: ["CsHelpDesk"], to: ["CsHelpDesk", "CsViewOnlyAdministrator"] });
  });

  it("does not let administrators take CsAdministrator from themselves or disable themselves", async () => {
    const self = await app.accountIdOf(app.administrator);
    const roles = await app.put<ApiErrorBody>(`/api/accounts/${self}/roles`, { roles: ["CsHelpDesk"] });
    expect(roles.status).toBe(409);
    expect(roles.body.error.message).toMatch(/your own account/);
    expect((await app.post<ApiErrorBody>(`/api/accounts/${self}/disable`)).status).toBe(409);
    expect((await app.get("/api/auth/me")).status).toBe(200);
  });

  it("does not let the last enabled administrator lose the role, whoever asks", async () => {
    const solo = await startTestApp(engine);
    try {
      const second = await solo.signedIn(["CsAdministrator"]);
      // Two administrators: the second may demote the first…
      const first = await solo.accountIdOf(solo.administrator);
      expect((await second.put(`/api/accounts/${first}/roles`, { roles: ["CsHelpDesk"] })).status).toBe(200);
      // …and now nobody may remove the role from the one that is left.
      const cli = {
        actor: { type: "system" as const, id: null, name: "CLI" },
        accountId: null,
        clientAddress: null,
      };
      await expect(solo.accounts.setRoles(cli, await solo.accountIdOf(second), [])).rejects.toThrow(
        /last enabled/,
      );
      await expect(solo.accounts.disable(cli, await solo.accountIdOf(second))).rejects.toThrow(
        /last enabled/,
      );
    } finally {
      await solo.close();
    }
  });

  it("disables and enables an account", async () => {
    const client = await app.signedIn(["CsHelpDesk"]);
    const id = await app.accountIdOf(client);
    expect(
      (await app.post<{ account: ConsoleAccount }>(`/api/accounts/${id}/disable`)).body.account.disabled,
    ).toBe(true);
    expect((await app.anonymous().signIn(client.username ?? "", "correct horse battery staple")).status).toBe(
      403,
    );
    expect(
      (await app.post<{ account: ConsoleAccount }>(`/api/accounts/${id}/enable`)).body.account.disabled,
    ).toBe(false);
    expect((await app.anonymous().signIn(client.username ?? "", "correct horse battery staple")).status).toBe(
      200,
    );
  });

  it("resets a password: the new one works, the old one and the old sessions do not", async () => {
    const client = await app.signedIn(["CsHelpDesk"]);
    const reset = await app.post<AccountWithPassword>(
      `/api/accounts/${await app.accountIdOf(client)}/reset-password`,
    );
    expect(reset.status).toBe(200);
    expect((await client.get("/api/auth/me")).status).toBe(401);
    expect((await app.anonymous().signIn(client.username ?? "", "correct horse battery staple")).status).toBe(
      401,
    );
    expect((await app.anonymous().signIn(client.username ?? "", reset.body.password)).status).toBe(200);
  });

  it("answers 404 for an account that does not exist and 400 for an id that is not one", async () => {
    expect((await app.post("/api/accounts/999999/disable")).status).toBe(404);
    expect((await app.post<ApiErrorBody>("/api/accounts/abc/disable")).body.error.details?.[0]?.path).toBe(
      "params.id",
    );
  });
});
