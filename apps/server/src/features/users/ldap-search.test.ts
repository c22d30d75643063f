import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  insertDirectoryUsers,
  type NewDirectoryUser,
  telephoneOfLine,
} from "../../core/directory/directory-writer.ts";
import { DEMO_USERS, type DemoUser } from "../../core/directory/seed/demo-directory-data.ts";
import { directoryUser, namesOf } from "../../test/directory-users.ts";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";
import { ldapSearch, ldapSearchNames } from "./test-support/ldap-search.ts";

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

  const find = (ldapFilter: string, body: object = {}) => ldapSearch(app, ldapFilter, body);
  const names = (ldapFilter: string, body: object = {}) => ldapSearchNames(app, ldapFilter, body);

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

const HELP_DESK = "CN=CsHelpDesk,CN=Users,DC=litwareinc,DC=com";
/** A group nested in CsHelpDesk: its members are in CsHelpDesk through it. */
const TIER_2 = "CN=Tier 2 Support,OU=Groups,DC=litwareinc,DC=com";
const STAFF = "CN=Litware Staff,OU=Groups,DC=litwareinc,DC=com";
const KEN_MYER = "CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com";
const groupKey = (dn: string) => dn.toLowerCase();

const synced = (displayName: string, values: Partial<NewDirectoryUser>) =>
  directoryUser(displayName.replace(" ", "").toLowerCase(), {
    displayName,
    ...namesOf(displayName),
    distinguishedName: `CN=${displayName},OU=Finance,DC=litwareinc,DC=com`,
    company: "Litware Inc.",
    userAccountControl: 512,
    ...values,
  });

/** As the sync writes them: group DNs as keys, the chain holding the direct groups and their parents. */
const SYNCED = [
  synced("Dan Jump", {
    memberOf: [groupKey(HELP_DESK)],
    memberOfChain: [groupKey(HELP_DESK)],
    mail: "DanJump@fabrikam.com",
    telephoneNumber: "+14255550101",
    managerDn: KEN_MYER,
    department: "Finance",
    title: "Accountant",
  }),
  synced("Yan Li", {
    memberOf: [groupKey(TIER_2)],
    memberOfChain: [groupKey(HELP_DESK), groupKey(TIER_2)],
    userAccountControl: 514,
    mail: "yanli@litwareinc.com",
    telephoneNumber: "+12065550102",
    // Another spelling of the same DN, as an import might hold it.
    managerDn: "cn=ken myer, ou=finance, dc=litwareinc, dc=com",
    department: "Finance",
    title: "Manager",
  }),
  synced("Ted Bremer", {
    userAccountControl: 66050,
    mail: "tedbremer@fabrikam.com",
    telephoneNumber: "+1 425 555 0103",
    managerDn: "CN=Pilar Ackerman,OU=Sales,DC=litwareinc,DC=com",
    department: "Sales",
    title: "Supervisor",
  }),
  synced("Mark Hanson", {
    memberOf: [groupKey(STAFF)],
    memberOfChain: [groupKey(STAFF)],
    mail: "markhanson@litwareinc.com",
    department: "Finance",
    title: "Director",
  }),
];

type Person = Pick<NewDirectoryUser, "displayName" | "lastName" | "department" | "title" | "telephoneNumber">;
const PEOPLE: Person[] = [
  ...DEMO_USERS.map((u) => ({ ...u, displayName: name(u), telephoneNumber: telephoneOfLine(u.lineUri) })),
  ...SYNCED,
];
const whoever = (predicate: (person: Person) => boolean) =>
  PEOPLE.filter(predicate)
    .map((person) => person.displayName)
    .sort();

describe.each(TEST_ENGINES)("LDAP Search over Active Directory's attributes on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
    await insertDirectoryUsers(app.db, SYNCED);
  });
  afterAll(() => app?.close());

  const names = (ldapFilter: string) => ldapSearchNames(app, ldapFilter);
  /** `!` is the exact complement: every user is in the filter or in its negation, none in both. */
  const complements = async (filter: string) => {
    const [matched, complement] = [await names(filter), await names(`(!${filter})`)];
    expect([...matched, ...complement].sort(), filter).toEqual(whoever(() => true));
    expect(matched.filter((user) => complement.includes(user))).toEqual([]);
    return complement;
  };

  it("finds the direct members of a group with memberOf, in any spelling of its DN", async () => {
    expect(await names(`(memberOf=${HELP_DESK})`)).toEqual(["Dan Jump"]);
    expect(await names("(memberOf=cn=cshelpdesk, cn=users, dc=LITWAREINC, dc=com)")).toEqual(["Dan Jump"]);
    expect(await names("(memberOf=*)")).toEqual(["Dan Jump", "Mark Hanson", "Yan Li"]);
    await complements(`(memberOf=${HELP_DESK})`);
  });

  it("finds members through nested groups with the in-chain rule", async () => {
    expect(await names(`(memberOf:1.2.840.113556.1.4.1941:=${HELP_DESK})`)).toEqual(["Dan Jump", "Yan Li"]);
    expect(await names(`(memberOf:1.2.840.113556.1.4.1941:=${TIER_2})`)).toEqual(["Yan Li"]);
    await complements(`(memberOf:1.2.840.113556.1.4.1941:=${HELP_DESK})`);
  });

  it("tests userAccountControl's flags with the bitwise rules", async () => {
    expect(await names("(userAccountControl:1.2.840.113556.1.4.803:=2)")).toEqual(["Ted Bremer", "Yan Li"]);
    // Users not read from AD have no flags: not disabled, so they are in the complement.
    expect(await names("(!(userAccountControl:1.2.840.113556.1.4.803:=2))")).toEqual(
      whoever((u) => !["Ted Bremer", "Yan Li"].includes(u.displayName)),
    );
    expect(await names("(userAccountControl:1.2.840.113556.1.4.803:=65538)")).toEqual(["Ted Bremer"]);
    expect(await names("(userAccountControl:1.2.840.113556.1.4.804:=65538)")).toEqual([
      "Ted Bremer",
      "Yan Li",
    ]);
    expect(await names("(userAccountControl=512)")).toEqual(["Dan Jump", "Mark Hanson"]);
    expect(await names("(&(userAccountControl>=513)(userAccountControl<=66049))")).toEqual(["Yan Li"]);
    expect(await names("(userAccountControl=*)")).toEqual([
      "Dan Jump",
      "Mark Hanson",
      "Ted Bremer",
      "Yan Li",
    ]);
    await complements("(userAccountControl:1.2.840.113556.1.4.804:=65538)");
  });

  it("matches mail and telephoneNumber as text", async () => {
    expect(await names("(mail=*@fabrikam.com)")).toEqual(["Dan Jump", "Ted Bremer"]);
    expect(await names("(mail=danjump@FABRIKAM.com)")).toEqual(["Dan Jump"]);
    expect(await names("(telephoneNumber=+1425*)")).toEqual(
      whoever((u) => u.telephoneNumber?.startsWith("+1425") === true),
    );
    expect(await names("(telephoneNumber=+1425*)")).toContain("Dan Jump");
    await complements("(mail=*@fabrikam.com)");
  });

  it("compares manager as a distinguished name, in any spelling", async () => {
    for (const spelling of [KEN_MYER, "cn=KEN MYER , ou=Finance,dc=litwareinc,DC=com"]) {
      expect(await names(`(manager=${spelling})`), spelling).toEqual(["Dan Jump", "Yan Li"]);
    }
    expect(await names("(manager=CN=Ken Myer,OU=Sales,DC=litwareinc,DC=com)")).toEqual([]);
    expect(await names("(manager=*)")).toEqual(["Dan Jump", "Ted Bremer", "Yan Li"]);
    await complements(`(manager=${KEN_MYER})`);
  });

  it("orders text with >= and <=, lower-cased, in code-point order", async () => {
    expect(await names("(sn>=M)")).toEqual(whoever((u) => (u.lastName ?? "").toLowerCase() >= "m"));
    expect(await names("(&(department=Finance)(title<=Manager))")).toEqual(
      whoever((u) => same(u.department, "Finance") && !!u.title && u.title.toLowerCase() <= "manager"),
    );
    await complements("(sn>=M)");
    await complements("(title<=Manager)");
  });

  it("reads msRTCSIP-UserEnabled as Enabled for Lync Server", async () => {
    expect(await names("(msRTCSIP-UserEnabled=FALSE)")).toEqual(expected((u) => !u.enabled));
  });
});
