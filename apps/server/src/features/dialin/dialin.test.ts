/**
 * The Dial-in Conferencing Settings page's API against the real domain controller (issue 14 part 1): sign-in
 * by domain password for any synced user, the page's content, Set PIN against policy and PIN history, a
 * locked PIN, the bound on attempts, and the wall between end-user and console sessions.
 */
import type { DialInPage } from "@pindesk/domain/dial-in/dial-in-page";
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../test/test-database.ts";
import { type DialInTestApp, startDialInTestApp } from "../../test/test-dialin.ts";
import { USER_PASSWORD } from "../../test/test-directory.ts";

const REDMOND = {
  displayName: "Redmond",
  displayNumber: "+1 (425) 555-0100",
  lineUri: "tel:+14255550100",
  primaryLanguage: "en-US",
  secondaryLanguages: ["es-US"],
  regions: ["Redmond"],
};
const PARIS = {
  ...REDMOND,
  displayName: "Paris",
  lineUri: "tel:+33155550100",
  primaryLanguage: "fr-FR",
  secondaryLanguages: [],
  regions: ["Paris"],
};

describe.each(TEST_ENGINES)("the Dial-in Conferencing Settings page on %s", (engine) => {
  let t: DialInTestApp;
  let upn: (name: string) => string;
  beforeAll(async () => {
    t = await startDialInTestApp(engine, `dialin-${engine}`);
    const sams = ["ann", "bob", "cat", "dan", "eve", "fay"].map((name) => t.ad.sam(name));
    const names = await t.addUsers(
      ...sams.map((sam, i) => ({
        sam,
        displayName: `Dialin User ${i}`,
        ...(i === 0 ? { office: "redmond" } : {}),
      })),
    );
    upn = (name) => names[["ann", "bob", "cat", "dan", "eve", "fay"].indexOf(name)] ?? "";
    for (const number of [REDMOND, PARIS])
      expect((await t.app.post("/api/dial-in-numbers", number)).status).toBe(201);
    const policy = await t.app.post("/api/pin-policies", {
      identity: "tag:DialInHistory",
      pinHistoryCount: 3,
    });
    expect(policy.status).toBe(201);
  }, 120_000);
  afterAll(() => t?.close());

  const pinRow = (sip: string | null) =>
    t.app.db
      .selectFrom("user_pins as p")
      .innerJoin("directory_users as u", "u.id", "p.user_id")
      .select(["p.pin_hash", "p.pin_set_at"])
      .where("u.sip_address", "=", sip)
      .executeTakeFirst();

  it("signs a synced user in by UPN, DOMAIN\\logon or bare logon, with no Cs role, and shows their page", async () => {
    for (const name of [upn("ann"), `LITWAREINC\\${t.ad.sam("ann")}`, t.ad.sam("ann")]) {
      const { response } = await t.dialIn(name);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    }
    const { client } = await t.dialIn(upn("ann"));
    const me = await client.get<DialInPage>("/api/dialin/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      displayName: "Dialin User 0",
      sipAddress: `sip:${upn("ann")}`,
      logon: `LITWAREINC\\${t.ad.sam("ann")}`,
      pin: { isPinSet: false, lockReason: null, isExpired: false },
      policy: { identity: "Global" },
      helpContact: "your help desk",
      // Her office is Redmond (any case): Redmond's numbers only.
      region: "Redmond",
    });
    expect(me.body.accessNumbers.map((n) => n.displayName)).toEqual(["Redmond"]);
    expect(me.body.policy.rules[0]).toBe("Your PIN must be 5 to 24 digits long.");
    const signIns = await t.app.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "dialin.signIn")
      .where("outcome", "=", "Success")
      .execute();
    expect(signIns[0]).toMatchObject({ actor_type: "endUser", actor_name: `LITWAREINC\\${t.ad.sam("ann")}` });
  });

  it("lists every number for a user whose site, office and city no number serves", async () => {
    const { client } = await t.dialIn(upn("bob"));
    const me = await client.get<DialInPage>("/api/dialin/me");
    expect(me.body.region).toBeNull();
    expect(me.body.accessNumbers.map((n) => n.displayName).sort()).toEqual(["Paris", "Redmond"]);
  });

  it("gives a wrong password, an unknown name and a domain user PinDesk has not synced one answer", async () => {
    const answers = [
      await t.dialIn(upn("bob"), "not-the-password"),
      await t.dialIn("nobody-here@litwareinc.com"),
      // Ken Myer is in AD with this password, but not among this PinDesk's synced users (by objectGUID).
      await t.dialIn("kenmyer@litwareinc.com"),
    ].map(({ response }) => response);
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body.error).toEqual({
        code: "wrong_credentials",
        message: "The user name or password is incorrect.",
      });
    }
    const reasons = await t.app.db
      .selectFrom("audit_events")
      .select("details")
      .where("action", "=", "dialin.signIn")
      .where("outcome", "=", "Failure")
      .execute();
    expect(reasons.map((r) => r.details.reason)).toEqual(
      expect.arrayContaining(["WrongPassword", "UnknownAccount", "NotSynced"]),
    );
  });

  it("sets the user's own PIN, which the bridge check then accepts; the PIN is in no audit event", async () => {
    const { client } = await t.dialIn(upn("cat"));
    const set = await client.post<DialInPage>("/api/dialin/pin", { pin: "730518" });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.pin.isPinSet).toBe(true);
    expect(JSON.stringify(set.body)).not.toContain("730518");
    const bridge = await t.app.bridge();
    expect((await bridge.check({ identity: `sip:${upn("cat")}`, pin: "730518" })).body.result).toBe(
      "Success",
    );
    const events = await t.app.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "dialin.setPin")
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor_type: "endUser",
      outcome: "Success",
      target_name: `sip:${upn("cat")}`,
    });
    expect(JSON.stringify(await t.app.db.selectFrom("audit_events").selectAll().execute())).not.toContain(
      "730518",
    );
  });

  it("refuses a PIN the policy does not allow, naming the rule, and changes nothing", async () => {
    const { client } = await t.dialIn(upn("cat"));
    const before = await pinRow(`sip:${upn("cat")}`);
    const short = await client.post<ApiErrorBody>("/api/dialin/pin", { pin: "1357" });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toBe("The PIN must be at least 5 digits long");
    const pattern = await client.post<ApiErrorBody>("/api/dialin/pin", { pin: "123456" });
    expect(pattern.status).toBe(400);
    expect(pattern.body.error.message).toMatch(/consecutive|sequence/i);
    expect(pattern.body.error.details?.[0]?.path).toBe("body.pin");
    expect(await pinRow(`sip:${upn("cat")}`)).toEqual(before);
  });

  it("refuses one of the user's last PINs under a policy with PIN history, and changes nothing", async () => {
    const sip = `sip:${upn("dan")}`;
    const assign = await t.app.post("/api/pin-policies/assign", {
      identities: [sip],
      policy: "DialInHistory",
    });
    expect(assign.status).toBe(200);
    const { client } = await t.dialIn(upn("dan"));
    expect((await client.get<DialInPage>("/api/dialin/me")).body.policy.rules).toContain(
      "It cannot be any of your last 3 PINs.",
    );
    expect((await client.post("/api/dialin/pin", { pin: "730518" })).status).toBe(200);
    expect((await client.post("/api/dialin/pin", { pin: "481907" })).status).toBe(200);
    const before = await pinRow(sip);
    const again = await client.post<ApiErrorBody>("/api/dialin/pin", { pin: "730518" });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe(
      "Choose a PIN other than your last 3: the PIN policy does not allow using a recent PIN again",
    );
    expect(await pinRow(sip)).toEqual(before);
    const bridge = await t.app.bridge();
    expect((await bridge.check({ identity: sip, pin: "481907" })).body.result).toBe("Success");
  });

  it("refuses to reset a locked PIN, says whom to contact, and shows the lock", async () => {
    const sip = `sip:${upn("eve")}`;
    expect((await t.app.post("/api/pins/lock", { identities: [sip] })).status).toBe(200);
    const { client } = await t.dialIn(upn("eve"));
    const refused = await client.post<ApiErrorBody>("/api/dialin/pin", { pin: "730518" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("Contact your help desk");
    expect(await pinRow(sip)).toMatchObject({ pin_hash: null });
    expect((await client.get<DialInPage>("/api/dialin/me")).body.pin.lockReason).toBe("Administrator");
  });

  it("allows five Set PIN attempts in ten minutes per user, refused or not", async () => {
    const { client } = await t.dialIn(upn("fay"));
    for (let i = 0; i < 5; i++) expect((await client.post("/api/dialin/pin", { pin: "1" })).status).toBe(400);
    const held = await client.post<ApiErrorBody>("/api/dialin/pin", { pin: "730518" });
    expect(held.status).toBe(429);
    expect(held.headers.get("retry-after")).toBe("600");
    expect(await pinRow(`sip:${upn("fay")}`)).toBeUndefined();
    // A new session is the same user: still held.
    const again = await t.dialIn(upn("fay"));
    expect((await again.client.post("/api/dialin/pin", { pin: "730518" })).status).toBe(429);
  });

  it("keeps end-user and console sessions apart, both ways", async () => {
    const { client } = await t.dialIn(upn("bob"));
    for (const path of ["/api/auth/me", "/api/users/choices", "/api/openapi.json", "/api/audit"]) {
      expect((await client.get(path)).status, path).toBe(401);
    }
    expect(
      (await client.post("/api/pins/set", { identities: [`sip:${upn("bob")}`], mode: "generate" })).status,
    ).toBe(401);
    expect((await t.app.get("/api/dialin/me")).status).toBe(401);
    expect((await t.app.post("/api/dialin/pin", { pin: "730518" })).status).toBe(401);
    // An unsafe dial-in request needs the session's CSRF token.
    expect(
      (await client.post("/api/dialin/pin", { pin: "730518" }, { headers: { "x-csrf-token": "" } })).status,
    ).toBe(403);
  });

  it("throttles one user's failed sign-ins on the page apart from console sign-in", async () => {
    const name = upn("eve"); // no failures yet
    for (let i = 0; i < 10; i++) expect((await t.dialIn(name, "wrong")).response.status).toBe(401);
    const held = await t.dialIn(name);
    expect(held.response.status).toBe(429);
    expect(held.response.headers.get("retry-after")).toMatch(/^\d+$/);
    // The console's count for the same name is untouched: the right password reaches the role check.
    const console = await t.app
      .anonymous()
      .post<ApiErrorBody>("/api/auth/sign-in", { username: name, password: USER_PASSWORD });
    expect(console.body.error.code).toBe("no_role");
    const throttled = await t.app.db
      .selectFrom("audit_events")
      .select("actor_name")
      .where("action", "=", "dialin.throttled")
      .execute();
    expect(throttled).toEqual([{ actor_name: name }]);
  });

  it("ends the session at sign-out and after 15 idle minutes", async () => {
    const first = await t.dialIn(upn("cat"));
    expect((await first.client.post("/api/dialin/sign-out")).status).toBe(204);
    expect((await first.client.get("/api/dialin/me")).status).toBe(401);
    const second = await t.dialIn(upn("cat"));
    t.app.clock.advance(15 * 60_000);
    expect((await second.client.get("/api/dialin/me")).status).toBe(401);
  });
});

describe("the Dial-in Conferencing Settings page without Active Directory", () => {
  it("says plainly that nobody can sign in here, and whom to contact", async () => {
    const { startTestApp } = await import("../../test/test-app.ts");
    const app = await startTestApp("pglite", { dialInHelpContact: "the Litware help desk, extension 4400" });
    try {
      const options = await app.anonymous().get("/api/dialin/sign-in");
      expect(options.body).toEqual({
        domainSignIn: false,
        singleSignOn: null,
        helpContact: "the Litware help desk, extension 4400",
      });
      const refused = await app
        .anonymous()
        .post<ApiErrorBody>("/api/dialin/sign-in", { username: "kenmyer", password: "x" });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toBe(
        "PinDesk is not connected to Active Directory, so nobody can sign in to this page. Contact the Litware help desk, extension 4400.",
      );
    } finally {
      await app.close();
    }
  });
});
