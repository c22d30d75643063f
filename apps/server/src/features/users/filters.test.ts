/**
 * Add Filter clauses against an oracle: the expected users are computed in JavaScript from the demo data
 * the database was seeded with, so every property × operator is checked against an independent answer.
 */
import type { FilterProperty } from "@pindesk/domain/users/filter-catalogue";
import type { SearchResponse } from "@pindesk/domain/users/user";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_POOLS, DEMO_USERS, type DemoUser } from "../../core/directory/seed/demo-directory-data.ts";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

const name = (user: DemoUser) => user.displayName ?? `${user.firstName} ${user.lastName}`;
const siteOf = (user: DemoUser) => DEMO_POOLS.find((pool) => pool.fqdn === user.pool)?.site ?? null;
const isLocked = (user: DemoUser) => ["adminLocked", "systemLocked", "temporaryLocked"].includes(user.pin);
const same = (a: string | null | undefined, b: string) => (a ?? "").toLowerCase() === b.toLowerCase();
const sipOf = (user: DemoUser) =>
  user.enabled || user.pool ? `sip:${user.samAccountName}@litwareinc.com` : null;
/** The Search users rule for a one-word term, `sip:` and `tel:` optional (docs/design.md, "Search box"). */
const startsWithTerm = (term: string) => (user: DemoUser) => {
  const bare = term.toLowerCase().replace(/^(sip|tel):/, "");
  return [
    name(user),
    user.firstName,
    user.lastName,
    user.samAccountName,
    sipOf(user)?.slice(4),
    user.lineUri?.slice(4),
  ].some((field) => field?.toLowerCase().startsWith(bare));
};
const startsWithKen = startsWithTerm("ken");
const anOffice = DEMO_USERS.find((user) => user.office)?.office ?? "";

/** One Equal to value per property and which demo users it must match. */
const CASES: [FilterProperty, string, (user: DemoUser) => boolean][] = [
  ["DisplayName", "Ken Myer", (u) => name(u) === "Ken Myer"],
  ["FirstName", "ken", (u) => u.firstName === "Ken"],
  ["LastName", "SMITH", (u) => u.lastName === "Smith"],
  ["SamAccountName", "KenMyer", (u) => u.samAccountName === "kenmyer"],
  ["UserPrincipalName", "kenmyer@litwareinc.com", (u) => u.samAccountName === "kenmyer"],
  ["SipAddress", "sip:kenmyer@litwareinc.com", (u) => sipOf(u) === "sip:kenmyer@litwareinc.com"],
  ["LineUri", "tel:+14255551102;ext=1102", (u) => u.lineUri === "tel:+14255551102;ext=1102"],
  ["Department", "finance", (u) => same(u.department, "Finance")],
  ["Title", "Manager", (u) => u.title === "Manager"],
  ["Office", anOffice, (u) => u.office === anOffice],
  ["Company", "litware inc.", () => true],
  ["City", "Dublin", (u) => u.city === "Dublin"],
  [
    "OU",
    "OU=Finance,DC=litwareinc,DC=com",
    (u) => u.ou.toLowerCase().endsWith("ou=finance,dc=litwareinc,dc=com"),
  ],
  ["RegistrarPool", "dub-cs-001.litwareinc.com", (u) => u.pool === "dub-cs-001.litwareinc.com"],
  ["Site", "Redmond", (u) => siteOf(u) === "Redmond"],
  ["PinPolicy", "ExecutivePinPolicy", (u) => u.pinPolicy === "ExecutivePinPolicy"],
  ["Enabled", "False", (u) => !u.enabled],
  ["EnterpriseVoiceEnabled", "true", (u) => u.enterpriseVoice],
  ["IsPinSet", "TRUE", (u) => u.pin !== "none"],
  ["IsLockedOut", "True", isLocked],
];

const expected = (predicate: (user: DemoUser) => boolean, want: boolean) =>
  DEMO_USERS.filter((user) => predicate(user) === want)
    .map(name)
    .sort();

describe.each(TEST_ENGINES)("Add Filter clauses on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app?.close());

  const search = async (body: object, client = app.administrator) => {
    const response = await client.post<SearchResponse>("/api/users/search", { maxUsers: 10_000, ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.users.map((user) => user.displayName).sort();
  };
  const filtered = (...filters: [string, string, string][]) =>
    search({ filters: filters.map(([property, operator, value]) => ({ property, operator, value })) });

  describe.each(CASES)("%s %s", (property, value, predicate) => {
    it("Equal to matches exactly the users it should", async () => {
      const matched = await filtered([property, "EqualTo", value]);
      expect(matched.length).toBeGreaterThan(0);
      expect(matched).toEqual(expected(predicate, true));
    });

    it("Not equal to matches exactly every other user", async () => {
      expect(await filtered([property, "NotEqualTo", value])).toEqual(expected(predicate, false));
    });
  });

  it("combines clauses with AND", async () => {
    const matched = await filtered(["Department", "EqualTo", "Finance"], ["IsPinSet", "EqualTo", "True"]);
    expect(matched).toEqual(expected((u) => same(u.department, "Finance") && u.pin !== "none", true));
  });

  it("combines the search text with the clauses", async () => {
    const matched = await search({
      searchText: "Ken",
      filters: [{ property: "RegistrarPool", operator: "EqualTo", value: "red-cs-001.litwareinc.com" }],
    });
    expect(matched).toContain("Ken Myer");
    expect(matched).toEqual(
      expected((u) => u.pool === "red-cs-001.litwareinc.com" && startsWithKen(u), true),
    );
  });

  // With clauses, each way the term matches reads its candidates from its index and joins them to the clauses
  // (user-search.ts): every property, with terms that match through different columns, and a cap of 3 that
  // must keep the first three in display order.
  describe.each(["Ke", "Smith", "sip:pi", "+1425", "da"])("the search text %s with", (term) => {
    it.each(CASES)(
      "%s %s: the users both match, in display order, up to the cap",
      async (property, value, predicate) => {
        const body = { searchText: term, filters: [{ property, operator: "EqualTo", value }] };
        const want = expected((u) => predicate(u) && startsWithTerm(term)(u), true);
        expect(await search(body)).toEqual(want);
        const capped = await app.administrator.post<SearchResponse>("/api/users/search", {
          ...body,
          maxUsers: 3,
        });
        const displayOrder = [...want].sort((x, y) => (x.toLowerCase() < y.toLowerCase() ? -1 : 1));
        expect(capped.body.users.map((user) => user.displayName)).toEqual(displayOrder.slice(0, 3));
        expect(capped.body.more).toBe(want.length > 3);
      },
    );
  });

  it("takes * wildcards anywhere in a text value", async () => {
    expect(await filtered(["DisplayName", "EqualTo", "* Smith"])).toEqual(
      expected((u) => name(u).endsWith(" Smith"), true),
    );
    expect(await filtered(["Department", "EqualTo", "fin*"])).toEqual(
      expected((u) => /^fin/i.test(u.department ?? ""), true),
    );
    expect(await filtered(["Title", "EqualTo", "*manager*"])).toEqual(
      expected((u) => /manager/i.test(u.title ?? ""), true),
    );
  });

  it("treats % and _ in a value as themselves", async () => {
    expect(await filtered(["DisplayName", "EqualTo", "%"])).toEqual([]);
    expect(await filtered(["DisplayName", "EqualTo", "Ken_Myer"])).toEqual([]);
  });

  it("takes a SIP address filter without sip: and a line URI without tel:", async () => {
    expect(await filtered(["SipAddress", "EqualTo", "KenMyer@litwareinc.com"])).toEqual(["Ken Myer"]);
    expect(await filtered(["LineUri", "EqualTo", "+14255551102;ext=1102"])).toEqual(["Ken Myer"]);
  });

  it("matches a child OU and not its parent's other children", async () => {
    const payroll = await filtered(["OU", "EqualTo", "OU=Payroll,OU=Finance,DC=litwareinc,DC=com"]);
    expect(payroll.length).toBeGreaterThan(0);
    expect(payroll).toEqual(expected((u) => u.ou.toLowerCase().startsWith("ou=payroll,ou=finance"), true));
  });

  it("reads an empty value as 'has no value'", async () => {
    expect(await filtered(["Department", "EqualTo", ""])).toEqual(expected((u) => !u.department, true));
    expect(await filtered(["RegistrarPool", "EqualTo", ""])).toEqual(expected((u) => !u.pool, true));
    expect(await filtered(["PinPolicy", "EqualTo", ""])).toEqual(expected((u) => !u.pinPolicy, true));
  });

  it("takes tag: and site: prefixes on policy and site names", async () => {
    expect(await filtered(["PinPolicy", "EqualTo", "tag:RedmondPinPolicy"])).toEqual(
      expected((u) => u.pinPolicy === "RedmondPinPolicy", true),
    );
    expect(await filtered(["Site", "EqualTo", "site:dublin"])).toEqual(
      expected((u) => siteOf(u) === "Dublin", true),
    );
  });

  it("ends a temporary lockout when its hour is over (the clock moves, the data does not)", async () => {
    const lockedNow = await filtered(["IsLockedOut", "EqualTo", "True"]);
    app.clock.advance(2 * 60 * 60 * 1000);
    try {
      // Two idle hours end any console session too: look again in a new one.
      const viewer = await app.signedIn(["CsViewOnlyAdministrator"]);
      const lockedLater = await search(
        { filters: [{ property: "IsLockedOut", operator: "EqualTo", value: "True" }] },
        viewer,
      );
      expect(lockedLater).toEqual(expected((u) => u.pin === "adminLocked" || u.pin === "systemLocked", true));
      expect(lockedNow.length - lockedLater.length).toBe(
        DEMO_USERS.filter((u) => u.pin === "temporaryLocked").length,
      );
    } finally {
      app.clock.advance(-2 * 60 * 60 * 1000);
    }
  });
});
