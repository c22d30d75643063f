/**
 * LDAP Search's attributes and their SQL agree with the domain's table and with what the sync fills; values
 * reach the database only as parameters; and the database's DN key spells a DN as the domain does.
 */
import { normalizeDistinguishedName } from "@pindesk/domain/directory/distinguished-name";
import {
  LDAP_ATTRIBUTE_DEFINITIONS,
  type LdapAttribute,
  ldapAttributeNamed,
} from "@pindesk/domain/ldap/ldap-attributes";
import fc from "fast-check";
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database.ts";
import type { Database } from "../../db/schema.ts";
import { openTestDatabase, TEST_ENGINES } from "../../test/test-database.ts";
import { FIXED_ATTRIBUTES, LYNC_ATTRIBUTES } from "./ldap/directory-source.ts";
import { type AttributeSql, LDAP_ATTRIBUTE_SQL, ldapSearchCondition } from "./ldap-conditions.ts";

/** Compiles without a database, to read the SQL text and its parameters. */
const compiler = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const compiled = (filter: string) => ldapSearchCondition(filter).compile(compiler);

describe("LDAP_ATTRIBUTE_SQL", () => {
  it.each(LDAP_ATTRIBUTE_DEFINITIONS.map((definition) => [definition.name, definition.syntax] as const))(
    "reads %s as the domain's %s",
    (name, syntax) => {
      const definition = ldapAttributeNamed(name);
      expect(definition && LDAP_ATTRIBUTE_SQL[definition.attribute].syntax).toBe(syntax);
    },
  );

  it("has SQL for exactly the domain's attributes", () => {
    expect(Object.keys(LDAP_ATTRIBUTE_SQL).sort()).toEqual(
      LDAP_ATTRIBUTE_DEFINITIONS.map((d) => d.attribute).sort(),
    );
  });

  it("is a complete map: an attribute without SQL does not compile", () => {
    // @ts-expect-error Mail alone leaves the other attributes without SQL.
    const incomplete: Record<LdapAttribute, AttributeSql> = { Mail: LDAP_ATTRIBUTE_SQL.Mail };
    expect(Object.keys(incomplete)).toEqual(["Mail"]);
  });

  it("knows every attribute the sync reads into a column LDAP Search compares, by Lync's name", () => {
    // The pool's service DN and the option flags become a registrar pool and Enterprise Voice, which Add
    // Filter answers; objectGUID, adminCount, uSNChanged and cn are the sync's own.
    const { homeServer: _pool, optionFlags: _flags, ...mapped } = LYNC_ATTRIBUTES;
    const fixed = FIXED_ATTRIBUTES.filter(
      (name) => !["objectGUID", "adminCount", "uSNChanged", "cn"].includes(name),
    );
    for (const name of [...Object.values(mapped), ...fixed])
      expect(ldapAttributeNamed(name)?.name, name).toBe(name);
  });
});

describe("ldapSearchCondition", () => {
  it("sends every value as a parameter", () => {
    const typed = "CN=x'); drop table users; --,DC=com";
    const escaped = typed.replace(/[()]/g, (ch) => (ch === "(" ? "\\28" : "\\29"));
    for (const filter of [
      `(memberOf=${escaped})`,
      `(memberOf:1.2.840.113556.1.4.1941:=${escaped})`,
      `(manager=${escaped})`,
      "(mail>=x'; --)",
      "(userAccountControl:1.2.840.113556.1.4.803:=2)",
    ]) {
      const { sql: text, parameters } = compiled(filter);
      expect(text, filter).not.toMatch(/drop|x'/);
      expect(parameters.length, filter).toBeGreaterThan(0);
    }
    expect(compiled("(userAccountControl:1.2.840.113556.1.4.803:=2)").parameters).toEqual([2, 2]);
  });

  it("asks the GIN indexes for groups with @> and the DN key the sync writes", () => {
    const direct = compiled("(memberOf=CN=CsHelpDesk, CN=Users, DC=litwareinc, DC=com)");
    expect(direct.sql).toBe('"u"."member_of" @> array[$1]::text[]');
    expect(direct.parameters).toEqual(["cn=cshelpdesk,cn=users,dc=litwareinc,dc=com"]);
    expect(
      compiled("(memberOf:1.2.840.113556.1.4.1941:=CN=CsHelpDesk,CN=Users,DC=litwareinc,DC=com)").sql,
    ).toBe('"u"."member_of_chain" @> array[$1]::text[]');
  });

  it("tests the flags bitwise, and negates NULL-safely", () => {
    expect(compiled("(userAccountControl:1.2.840.113556.1.4.803:=2)").sql).toBe(
      '("u"."user_account_control" & $1) = $2',
    );
    expect(compiled("(!(userAccountControl:1.2.840.113556.1.4.804:=65538))").sql).toBe(
      'not coalesce(("u"."user_account_control" & $1) <> 0, false)',
    );
  });
});

describe.each(TEST_ENGINES)("pindesk_dn_key on %s", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(engine, "migrated");
  });
  afterAll(() => handle?.close());

  const part = fc.stringMatching(/^[A-Za-zÅåÉéö0-9 ]*[A-Za-zÅåÉéö0-9](\\,[ A-Za-z]+)?$/);
  const spacing = fc.constantFrom("", " ", "  ");
  const dn = fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom("CN", "cn", "OU", "ou", "DC", "dc"), part, spacing, spacing), {
        minLength: 1,
        maxLength: 4,
      }),
    )
    .map(([parts]) =>
      parts
        .map(([type, value, before, after]) => `${before}${type}${after}=${after}${value}${before}`)
        .join(","),
    );

  it("spells a DN as normalizeDistinguishedName does", async () => {
    const samples = fc.sample(dn, { numRuns: 300, seed: 7 });
    samples.push(
      "CN=Hagens\\, Erin,OU=Sales,DC=litwareinc,DC=com",
      "cn=KEN MYER , ou=Finance,dc=litwareinc,DC=com",
    );
    const result = await sql<{ dn: string; key: string | null }>`
      select dn, pindesk_dn_key(dn) as key from unnest(${samples}::text[]) as dn`.execute(handle.db);
    for (const row of result.rows)
      expect(row.key, JSON.stringify(row.dn)).toBe(normalizeDistinguishedName(row.dn));
  });
});
