import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import type { DirectoryChoices, SearchResponse, UserDetails } from "@pindesk/domain/users/user";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../core/directory/seed/demo-directory-data.ts";
import { startTestApp, TEST_START, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

describe.each(TEST_ENGINES)("user details, identities and picker values on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app?.close());

  const idOf = async (searchText: string) => {
    const response = await app.post<SearchResponse>("/api/users/search", { searchText, maxUsers: 1 });
    const id = response.body.users[0]?.id;
    if (!id) throw new Error(`no user for ${searchText}`);
    return id;
  };
  const details = async (searchText: string) =>
    (await app.get<{ user: UserDetails }>(`/api/users/${await idOf(searchText)}`)).body.user;

  it("shows every property of Ken Myer and his PIN status", async () => {
    const user = await details("kenmyer");
    expect(user).toMatchObject({
      displayName: "Ken Myer",
      firstName: "Ken",
      lastName: "Myer",
      samAccountName: "kenmyer",
      netbiosDomain: "LITWAREINC",
      userPrincipalName: "kenmyer@litwareinc.com",
      sipAddress: "sip:kenmyer@litwareinc.com",
      lineUri: "tel:+14255551102;ext=1102",
      distinguishedName: "CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com",
      department: "Finance",
      company: "Litware Inc.",
      city: "Redmond",
      registrarPool: "red-cs-001.litwareinc.com",
      site: "Redmond",
      enabled: true,
      enterpriseVoiceEnabled: true,
      pinPolicy: null,
      effectivePinPolicy: {
        identity: "Global",
        settings: { minPasswordLength: 5, allowCommonPatterns: false },
      },
      protected: false,
    });
    expect(user.pinStatus).toMatchObject({
      identity: "sip:kenmyer@litwareinc.com",
      isPinSet: true,
      isLockedOut: false,
      pinExpirationTime: null,
      lockReason: null,
      failedAttempts: 0,
      totalFailedAttempts: 0,
      temporaryLockoutEnds: null,
    });
    expect(Date.parse(user.pinStatus.lastPinChangeTime ?? "")).toBeLessThan(TEST_START.getTime());
  });

  it("names the PIN policy that applies: the user's own, else Global", async () => {
    const haas = await details("jonathanhaas");
    expect(haas.effectivePinPolicy).toMatchObject({
      identity: "tag:ExecutivePinPolicy",
      settings: { minPasswordLength: 8 },
    });
  });

  it("never answers with a PIN hash", async () => {
    const response = await app.get(`/api/users/${await idOf("kenmyer")}`);
    expect(JSON.stringify(response.body)).not.toMatch(/argon2|hash/i);
  });

  it("shows each lock reason with its figures", async () => {
    const byState = (state: string) => DEMO_USERS.find((user) => user.pin === state)?.samAccountName ?? "";
    expect((await details(byState("adminLocked"))).pinStatus).toMatchObject({
      isLockedOut: true,
      lockReason: "Administrator",
    });
    expect((await details(byState("systemLocked"))).pinStatus).toMatchObject({
      isLockedOut: true,
      lockReason: "TooManyAttempts",
      totalFailedAttempts: 5000,
    });
    const temporary = (await details(byState("temporaryLocked"))).pinStatus;
    expect(temporary).toMatchObject({ isLockedOut: true, lockReason: "Temporary", failedAttempts: 25 });
    expect(Date.parse(temporary.temporaryLockoutEnds ?? "")).toBeGreaterThan(TEST_START.getTime());
    const expired = (await details(byState("expired"))).pinStatus;
    expect(Date.parse(expired.pinExpirationTime ?? "")).toBeLessThan(TEST_START.getTime());
  });

  it("shows the protected (Domain Admins) user as protected", async () => {
    const admin = DEMO_USERS.find((user) => user.protected)?.samAccountName ?? "";
    expect((await details(admin)).protected).toBe(true);
  });

  it("answers 404 for a user that does not exist and 400 for an id that is not one", async () => {
    const missing = await app.get<ApiErrorBody>("/api/users/999999");
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({ code: "not_found", message: "There is no user with id 999999" });
    const bad = await app.get<ApiErrorBody>("/api/users/ken");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("params.id: must be a user id (a whole number)");
  });

  describe("resolving identities", () => {
    const resolve = (identity: string) =>
      app.get<SearchResponse>(`/api/users/resolve?identity=${encodeURIComponent(identity)}`);
    const resolvedNames = async (identity: string) => {
      const response = await resolve(identity);
      expect(response.status).toBe(200);
      return response.body.users.map((user) => user.displayName);
    };

    it.each([
      "sip:kenmyer@litwareinc.com",
      "SIP:KenMyer@LitwareInc.com",
      "kenmyer@litwareinc.com",
      "litwareinc\\kenmyer",
      "LITWAREINC\\KENMYER",
      "Ken Myer",
      "ken myer",
      "CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com",
      "cn=ken myer, ou=finance, dc=litwareinc, dc=com",
    ])("finds Ken Myer by %s", async (identity) => {
      expect(await resolvedNames(identity)).toEqual(["Ken Myer"]);
    });

    it('finds every display name ending in " Smith" by "* Smith"', async () => {
      const smiths = DEMO_USERS.filter((user) => user.lastName === "Smith").map(
        (u) => `${u.firstName} Smith`,
      );
      expect((await resolvedNames("* Smith")).sort()).toEqual(smiths.sort());
    });

    it('finds the display names beginning with Pilar by "Pilar*"', async () => {
      expect(await resolvedNames("Pilar*")).toEqual(["Pilar Ackerman", "Pilar Pinilla"]);
    });

    it("finds nobody for an identity that names no one, and does not match a partial display name", async () => {
      expect(await resolvedNames("sip:nobody@litwareinc.com")).toEqual([]);
      expect(await resolvedNames("Ken")).toEqual([]);
    });

    it("refuses an identity holding a NUL character before it reaches the database", async () => {
      const response = await resolve("Ken\u0000Myer");
      expect(response.status).toBe(400);
      expect((response.body as unknown as ApiErrorBody).error.message).toContain("NUL");
    });

    it("refuses a malformed identity with the reason", async () => {
      const response = await resolve("litwareinc\\");
      expect(response.status).toBe(400);
      expect((response.body as unknown as ApiErrorBody).error.message).toContain(
        "is not a domain\\logon name",
      );
      const missing = await app.get<ApiErrorBody>("/api/users/resolve");
      expect(missing.status).toBe(400);
      expect(missing.body.error.details?.[0]?.path).toBe("query.identity");
    });
  });

  it("lists the values the Value pickers offer", async () => {
    const { body } = await app.get<DirectoryChoices>("/api/users/choices");
    expect(body.registrarPools).toEqual([
      "dub-cs-001.litwareinc.com",
      "red-cs-001.litwareinc.com",
      "red-cs-002.litwareinc.com",
    ]);
    expect(body.sites).toEqual(["Dublin", "Redmond"]);
    expect(body.pinPolicies).toEqual(["ExecutivePinPolicy", "RedmondPinPolicy"]);
    // Every OU that holds users, and the parents of child OUs even when they hold none directly.
    const ous = new Set(DEMO_USERS.map((user) => user.ou));
    for (const ou of ous) expect(body.organizationalUnits).toContain(ou);
    expect(body.organizationalUnits).toContain("OU=Finance,DC=litwareinc,DC=com");
    expect(body.organizationalUnits).not.toContain("DC=litwareinc,DC=com");
  });
});
