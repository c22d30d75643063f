import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDirectoryUsers, type NewDirectoryUser } from "../../core/directory/directory-writer.ts";
import { DEMO_USERS } from "../../core/directory/seed/demo-directory-data.ts";
import { directoryUser } from "../../test/directory-users.ts";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";
import { ldapSearchNames } from "./test-support/ldap-search.ts";

const user = (sam: string, displayName: string, values: Partial<NewDirectoryUser>) =>
  directoryUser(sam, {
    displayName,
    distinguishedName: `CN=${displayName},OU=Sales,DC=litwareinc,DC=com`,
    department: "Sales",
    company: "Litware Inc.",
    city: "Seattle",
    ...values,
  });

const CONTRACTOR = user("janmyer", "Jan Myer (Contractor)", { lastName: "Myer", title: "Lead *Temp*" });
const TEMPORARY = user("ravimyer", "Ravi Myer", { lastName: "Myer", title: "Lead Temporary" });
const BACKSLASH = user("oliviawong", "Olivia Wong", { department: "Sales\\EMEA" });
const COMMA = user("erinhagens", "Hagens, Erin", {
  distinguishedName: "CN=Hagens\\, Erin,OU=Sales,DC=litwareinc,DC=com",
  title: "Top 10% Sales_Rep",
});
const NO_DEPARTMENT = user("saramoore", "Sara Moore", { department: "" });
const ACCENTED = user("asaangstrom", "Åsa Ångström", { firstName: "Åsa", lastName: "Ångström" });
/** Keys as the sync writes them (normalizeDistinguishedName): lower case, no spaces around `,` and `=`. */
const TIER_2 = "cn=help desk (tier 2),ou=groups,dc=litwareinc,dc=com";
const HELP_DESK = "cn=cshelpdesk,cn=users,dc=litwareinc,dc=com";
const GROUPED = user("lolajacobsen", "Lola Jacobsen", {
  memberOf: [TIER_2],
  memberOfChain: [HELP_DESK, TIER_2],
  managerDn: "CN=Hagens\\, Erin,OU=Sales,DC=litwareinc,DC=com",
});
const EXTRA = [CONTRACTOR, TEMPORARY, BACKSLASH, COMMA, NO_DEPARTMENT, ACCENTED, GROUPED];

describe.each(TEST_ENGINES)("LDAP Search escapes on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
    await insertDirectoryUsers(app.db, EXTRA);
  });
  afterAll(() => app?.close());

  const names = (ldapFilter: string) => ldapSearchNames(app, ldapFilter);
  const named = (...users: NewDirectoryUser[]) => users.map((found) => found.displayName).sort();

  it("reads \\2a as a literal *, while a bare * is a wildcard", async () => {
    expect(await names("(title=Lead \\2aTemp\\2a)")).toEqual(named(CONTRACTOR));
    expect(await names("(title=Lead *Temp*)")).toEqual(named(CONTRACTOR, TEMPORARY));
    expect(await names("(title=*\\2a)")).toEqual(named(CONTRACTOR));
  });

  it("reads \\28 and \\29 as parentheses, in equality and in substrings", async () => {
    expect(await names("(displayName=Jan Myer \\28Contractor\\29)")).toEqual(named(CONTRACTOR));
    expect(await names("(displayName=*\\28contractor\\29)")).toEqual(named(CONTRACTOR));
    expect(await names("(&(sn=Myer)(!(displayName=*\\28*)))")).toEqual(["Ken Myer", "Ravi Myer"]);
  });

  it("reads \\5c as a backslash, which LIKE does not take for its escape", async () => {
    expect(await names("(department=Sales\\5cEMEA)")).toEqual(named(BACKSLASH));
    expect(await names("(department=*\\5c*)")).toEqual(named(BACKSLASH));
    expect(await names("(department=Sales\\5c*)")).toEqual(named(BACKSLASH));
  });

  it("treats % and _ as themselves, not as LIKE wildcards", async () => {
    expect(await names("(title=*10%*)")).toEqual(named(COMMA));
    expect(await names("(title=Top 10_ Sales*)")).toEqual([]);
    expect(await names("(title=Top 10% Sales\\5fRep)")).toEqual(named(COMMA));
    expect(await names("(displayName=*%*)")).toEqual([]);
  });

  it("finds a DN whose name holds an escaped comma", async () => {
    expect(await names("(distinguishedName=CN=Hagens\\5c, Erin,OU=Sales,DC=litwareinc,DC=com)")).toEqual(
      named(COMMA),
    );
  });

  it("reads escaped parentheses in a group's DN, for memberOf and its in-chain rule", async () => {
    const group = "CN=Help Desk \\28Tier 2\\29,OU=Groups,DC=litwareinc,DC=com";
    expect(await names(`(memberOf=${group})`)).toEqual(named(GROUPED));
    expect(await names(`(memberOf:1.2.840.113556.1.4.1941:=${group})`)).toEqual(named(GROUPED));
    expect(await names("(memberOf=CN=Help Desk,OU=Groups,DC=litwareinc,DC=com)")).toEqual([]);
  });

  it("finds a manager whose DN holds an escaped comma, and only that DN", async () => {
    expect(await names("(manager=CN=Hagens\\5c, Erin,OU=Sales,DC=litwareinc,DC=com)")).toEqual(
      named(GROUPED),
    );
    expect(await names("(manager=cn=hagens\\5c, erin, ou=sales, dc=litwareinc, dc=com)")).toEqual(
      named(GROUPED),
    );
    // The space after an escaped comma is part of the name, not of the separator.
    expect(await names("(manager=CN=Hagens\\5c,Erin,OU=Sales,DC=litwareinc,DC=com)")).toEqual([]);
  });

  it("reads \\2a in >= and <= as a literal *, compared in code-point order", async () => {
    const myers = await names("(&(sn=Myer)(title<=Lead \\2aTemp\\2a))");
    expect(myers).toContain(CONTRACTOR.displayName);
    expect(myers).not.toContain(TEMPORARY.displayName);
    expect(await names("(&(sn=Myer)(title>=lead \\2atemp\\2a))")).toEqual(named(CONTRACTOR, TEMPORARY));
  });

  it("decodes UTF-8 escapes", async () => {
    expect(await names("(sn=\\c3\\85ngstr\\c3\\b6m)")).toEqual(named(ACCENTED));
    expect(await names("(givenName=\\c3\\85sa*)")).toEqual(named(ACCENTED));
  });

  it("reads an empty value as no value: present never, equal to '' never", async () => {
    const withDepartment = await names("(department=*)");
    expect(withDepartment).not.toContain(NO_DEPARTMENT.displayName);
    expect(await names("(!(department=*))")).toEqual(
      [...DEMO_USERS.filter((demo) => !demo.department).map((demo) => `${demo.firstName} ${demo.lastName}`)]
        .concat(NO_DEPARTMENT.displayName)
        .sort(),
    );
    expect(await names("(department=)")).toEqual([]);
    expect(await names("(!(department=))")).toHaveLength(DEMO_USERS.length + EXTRA.length);
  });
});
