/**
 * LDAP Search against an oracle: as in filters.test.ts, the expected users are computed in JavaScript from
 * the demo data the database was seeded with, so each filter is checked against an independent answer.
 */
import type { SearchResponse } from "@pindesk/domain/users/user";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS, type DemoUser } from "../../core/directory/seed/demo-directory-data.ts";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

type Predicate = (user: DemoUser) => boolean;

const name = (user: DemoUser) => user.displayName ?? `${user.firstName} ${user.lastName}`;
const same = (a: string | null | undefined, b: string) => (a ?? "").toLowerCase() === b.toLowerCase();
const sipOf = (user: DemoUser) =>
  user.enabled || user.pool ? `sip:${user.samAccountName}@litwareinc.com` : null;
const expected = (predicate: Predicate) => DEMO_USERS.filter(predicate).map(name).sort();
const everyone = expected(() => true);

const financeManager: Predicate = (u) => same(u.department, "Finance") && same(u.title, "Manager");
const supervisorOrManager: Predicate = (u) => same(u.title, "Supervisor") || same(u.title, "Manager");

/** Get-CsUser's own -LdapFilter examples as documented (reference/lync-facts.md §8), and in RFC 4515 form. */
const GET_CSUSER_EXAMPLES: [string, Predicate][] = [
  ["l=Redmond", (u) => u.city === "Redmond"],
  ["Department=Finance", (u) => same(u.department, "Finance")],
  ["Title=Manager", (u) => same(u.title, "Manager")],
  ["&(Department=Finance)(Title=Manager)", financeManager],
  ["|(Title=Supervisor)(Title=Manager)", supervisorOrManager],
  ["(&(Department=Finance)(Title=Manager))", financeManager],
  ["(|(Title=Supervisor)(Title=Manager))", supervisorOrManager],
];

describe.each(TEST_ENGINES)("LDAP Search on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app?.close());

  const find = async (ldapFilter: string, body: object = {}) => {
    const response = await app.post<SearchResponse>("/api/users/search", {
      mode: "LdapSearch",
      ldapFilter,
      maxUsers: 10_000,
      ...body,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
  const names = async (ldapFilter: string, body: object = {}) =>
    (await find(ldapFilter, body)).users.map((user) => user.displayName).sort();

  it.each(GET_CSUSER_EXAMPLES)("answers Get-CsUser's example %s", async (filter, predicate) => {
    const matched = await names(filter);
    expect(matched.length).toBeGreaterThan(0);
    expect(matched).toEqual(expected(predicate));
  });

  it("negates with ! as the exact complement, users without the attribute included", async () => {
    const notFinance = await names("(!(department=Finance))");
    expect(notFinance).toEqual(expected((u) => !same(u.department, "Finance")));
    expect(notFinance).toEqual(expect.arrayContaining(expected((u) => u.department === null)));
    for (const filter of [
      "(title=Manager)",
      "(displayName=*ar*)",
      "(|(l=Dublin)(sn=S*))",
      "(&(title=*)(!(l=Redmond)))",
    ]) {
      const matched = await names(filter);
      const complement = await names(`(!${filter})`);
      expect([...matched, ...complement].sort(), filter).toEqual(everyone);
      expect(
        matched.filter((user) => complement.includes(user)),
        filter,
      ).toEqual([]);
    }
  });

  it("finds users who have a value (presence), and those who have none", async () => {
    expect(await names("(msRTCSIP-Line=*)")).toEqual(expected((u) => u.lineUri !== null));
    expect(await names("(!(physicalDeliveryOfficeName=*))")).toEqual(expected((u) => !u.office));
    expect(await names("(msRTCSIP-PrimaryUserAddress=*)")).toEqual(expected((u) => sipOf(u) !== null));
  });

  it("matches substrings: a final part, an initial part, a part anywhere, and all three", async () => {
    expect(await names("(displayName=* Smith)")).toEqual(expected((u) => name(u).endsWith(" Smith")));
    const ack = await names("(sn=Ack*)");
    expect(ack).toContain("Pilar Ackerman");
    expect(ack).toEqual(expected((u) => u.lastName.toLowerCase().startsWith("ack")));
    expect(await names("(displayName=*ar*)")).toEqual(expected((u) => /ar/i.test(name(u))));
    expect(await names("(displayName=K*n*r)")).toEqual(expected((u) => /^k.*n.*r$/i.test(name(u))));
    expect(await names("(title=*Engineer)")).toEqual(expected((u) => /engineer$/i.test(u.title ?? "")));
  });

  it("ignores the case of attribute names and of values", async () => {
    expect(await names("(DEPARTMENT=FINANCE)")).toEqual(await names("(department=finance)"));
    expect(await names("(SN=ack*)")).toEqual(await names("(sn=Ack*)"));
    expect(await names("(DisplayName=*SMITH)")).toEqual(expected((u) => name(u).endsWith(" Smith")));
    expect(await names("(sAMAccountName=KENMYER)")).toEqual(["Ken Myer"]);
  });

  it("takes a SIP address or line URI with or without its sip: or tel:, as Add Filter does", async () => {
    expect(await names("(msRTCSIP-PrimaryUserAddress=sip:KenMyer@litwareinc.com)")).toEqual(["Ken Myer"]);
    expect(await names("(msRTCSIP-PrimaryUserAddress=kenmyer@litwareinc.com)")).toEqual(["Ken Myer"]);
    expect(await names("(msRTCSIP-Line=tel:+14255551102;ext=1102)")).toEqual(["Ken Myer"]);
    expect(await names("(msRTCSIP-PrimaryUserAddress=sip:ken*)")).toEqual(
      expected((u) => sipOf(u)?.startsWith("sip:ken") === true),
    );
  });

  it("compares distinguishedName with the user's own DN, in any case and spacing", async () => {
    expect(await names("(distinguishedName=CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com)")).toEqual([
      "Ken Myer",
    ]);
    expect(await names("(distinguishedName=cn=ken myer, ou=finance, dc=litwareinc, dc=com)")).toEqual([
      "Ken Myer",
    ]);
    // The OU's own DN names no user: "this OU and below" is the Organizational unit filter's job.
    expect(await names("(distinguishedName=OU=Finance,DC=litwareinc,DC=com)")).toEqual([]);
    expect(await names("(&(distinguishedName=*)(l=Dublin))")).toEqual(expected((u) => u.city === "Dublin"));
  });

  it("combines with Add Filter clauses (AND)", async () => {
    const clause = (property: string, value: string) => ({ property, operator: "EqualTo", value });
    expect(await names("(title=Manager)", { filters: [clause("City", "Redmond")] })).toEqual(
      expected((u) => same(u.title, "Manager") && u.city === "Redmond"),
    );
    expect(
      await names("(|(title=Manager)(title=Supervisor))", {
        filters: [clause("IsPinSet", "True"), clause("OU", "OU=Sales,DC=litwareinc,DC=com")],
      }),
    ).toEqual(
      expected(
        (u) =>
          (same(u.title, "Manager") || same(u.title, "Supervisor")) &&
          u.pin !== "none" &&
          u.ou.endsWith("OU=Sales,DC=litwareinc,DC=com"),
      ),
    );
  });

  it("reads the filter, not the search text, in LDAP Search mode", async () => {
    expect(await names("(sn=Myer)", { searchText: "Pilar" })).toEqual(["Ken Myer"]);
  });

  it("caps at Maximum users to display, in display-name order, and says more match", async () => {
    const all = (await find("(company=Litware*)")).users.map((user) => user.id);
    expect(all).toHaveLength(DEMO_USERS.length);
    const capped = await find("(company=Litware*)", { maxUsers: 5 });
    expect(capped.users.map((user) => user.id)).toEqual(all.slice(0, 5));
    expect(capped.more).toBe(true);
    expect((await find("(company=Litware*)", { maxUsers: all.length })).more).toBe(false);
    expect((await find("(company=Litware*)", { maxUsers: all.length - 1 })).more).toBe(true);
  });
});
