/**
 * The development DC, checked the way PinDesk will use it: LDAPS searches and binds against the running
 * Samba, verifying its certificate, as the sync's service account and as the demo users. No LDAP mock.
 */
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_POOLS, DEMO_USERS } from "../../apps/server/src/core/directory/seed/demo-directory-data.ts";
import { syntheticUser } from "../../apps/server/src/core/directory/seed/synthetic-directory.ts";
import {
  attribute,
  attributeValues,
  type Credentials,
  canBind,
  type LdapEntry,
  ldapModify,
  ldapSearch,
} from "./ldap-client.ts";
import { modifyRecord } from "./ldif.ts";
import { syntheticPerson } from "./synthetic-users.ts";
import { addTestUsers, type DomainFacts, ensureTestDomain } from "./test-dc.ts";

// A first run on a fresh machine installs Samba from Debian and provisions the domain.
const START_TIMEOUT = 600_000;
const LDAP_TIMEOUT = 30_000;

const LYNC_VIEW = [
  "sAMAccountName",
  "displayName",
  "department",
  "msRTCSIP-PrimaryUserAddress",
  "msRTCSIP-Line",
  "msRTCSIP-UserEnabled",
  "msRTCSIP-OptionFlags",
  "msRTCSIP-PrimaryHomeServer",
];

/** What a sync would make of an entry: the fields the seed has, read back from the DC. */
function lyncView(entry: LdapEntry, pools: DomainFacts["pools"]) {
  const homeServer = attribute(entry, "msRTCSIP-PrimaryHomeServer");
  return {
    displayName: attribute(entry, "displayName") ?? null,
    department: attribute(entry, "department") ?? null,
    sipAddress: attribute(entry, "msRTCSIP-PrimaryUserAddress") ?? null,
    lineUri: attribute(entry, "msRTCSIP-Line") ?? null,
    enabled: attribute(entry, "msRTCSIP-UserEnabled") === "TRUE",
    enterpriseVoice: (Number(attribute(entry, "msRTCSIP-OptionFlags") ?? 0) & 128) === 128,
    pool: homeServer ? (pools.find((pool) => pool.serviceDn === homeServer)?.fqdn ?? homeServer) : null,
  };
}

describe("the Litware development domain", () => {
  let dc: DomainFacts;
  let sync: Credentials;
  const search = (filter: string, attributes: string[] = [], base?: string) =>
    ldapSearch(dc.caFile, { base: base ?? dc.baseDn, filter, attributes, paged: true }, sync);

  beforeAll(async () => {
    dc = await ensureTestDomain();
    sync = { bindDn: dc.bindDn, password: dc.bindPassword };
  }, START_TIMEOUT);

  it("has Ken Myer with his SIP address, line URI and registrar pool", {
    timeout: LDAP_TIMEOUT,
  }, async () => {
    const [ken] = await search("(sAMAccountName=kenmyer)", [
      "msRTCSIP-PrimaryUserAddress",
      "msRTCSIP-Line",
      "msRTCSIP-UserEnabled",
      "msRTCSIP-OptionFlags",
      "msRTCSIP-PrimaryHomeServer",
      "userPrincipalName",
    ]);
    expect(ken?.dn).toBe(dc.users.kenmyer?.dn);
    if (!ken) return;
    expect(attribute(ken, "msRTCSIP-PrimaryUserAddress")).toBe("sip:kenmyer@litwareinc.com");
    expect(attribute(ken, "msRTCSIP-Line")).toBe("tel:+14255551102;ext=1102");
    expect(attribute(ken, "msRTCSIP-UserEnabled")).toBe("TRUE");
    expect(Number(attribute(ken, "msRTCSIP-OptionFlags")) & 128).toBe(128); // Enterprise Voice

    // The home server DN leads back to the pool's FQDN through the msRTCSIP-Pool object above it.
    const homeServer = attribute(ken, "msRTCSIP-PrimaryHomeServer") ?? "";
    const poolDn = homeServer.replace(/^CN=Lc Services,CN=Microsoft,/i, "");
    const [pool] = await ldapSearch(
      dc.caFile,
      { base: poolDn, scope: "base", attributes: ["dNSHostName"] },
      sync,
    );
    expect(pool && attribute(pool, "dNSHostName")).toBe("red-cs-001.litwareinc.com");
  });

  it("holds every demo user with the seed's Lync state", { timeout: LDAP_TIMEOUT }, async () => {
    const names = DEMO_USERS.map((user) => `(sAMAccountName=${user.samAccountName})`).join("");
    const entries = await search(`(|${names})`, LYNC_VIEW);
    const bySam = new Map(entries.map((entry) => [attribute(entry, "sAMAccountName"), entry]));
    for (const user of DEMO_USERS) {
      const entry = bySam.get(user.samAccountName);
      expect(entry?.dn, user.samAccountName).toBe(dc.users[user.samAccountName]?.dn);
      if (!entry) continue;
      expect(lyncView(entry, dc.pools), user.samAccountName).toEqual({
        displayName: user.displayName ?? `${user.firstName} ${user.lastName}`,
        department: user.department,
        sipAddress: user.enabled || user.pool ? `sip:${user.samAccountName}@litwareinc.com` : null,
        lineUri: user.lineUri,
        enabled: user.enabled,
        enterpriseVoice: user.enterpriseVoice,
        pool: user.pool,
      });
    }
  });

  it("finds the SIP address by an LDAP filter, as Get-CsUser -LdapFilter would", {
    timeout: LDAP_TIMEOUT,
  }, async () => {
    const found = await search("(msRTCSIP-PrimaryUserAddress=sip:kenm*)");
    expect(found.map((entry) => entry.dn)).toEqual([dc.users.kenmyer?.dn]);
  });

  it("gives Ken CsHelpDesk only through the nested Help Desk Tier 1 group", {
    timeout: LDAP_TIMEOUT,
  }, async () => {
    const ken = dc.users.kenmyer?.dn ?? "";
    const nested = await search(`(&(objectClass=group)(member:1.2.840.113556.1.4.1941:=${ken}))`, ["cn"]);
    expect(nested.map((group) => attribute(group, "cn")).sort()).toEqual(["CsHelpDesk", "Help Desk Tier 1"]);
    const direct = await search(`(&(objectClass=group)(member=${ken}))`, ["cn"]);
    expect(direct.map((group) => attribute(group, "cn"))).toEqual(["Help Desk Tier 1"]);
  });

  it("has the eleven Cs* role groups as universal security groups", { timeout: LDAP_TIMEOUT }, async () => {
    const groups = await search("(&(objectClass=group)(cn=Cs*))", ["cn", "groupType"]);
    expect(groups).toHaveLength(11);
    for (const group of groups) expect(attribute(group, "groupType")).toBe(String(0x80000008 | 0));
  });

  it("has a disabled account (bit 2 of userAccountControl) that cannot bind", {
    timeout: LDAP_TIMEOUT,
  }, async () => {
    const disabled = await search(
      "(&(objectCategory=person)(userAccountControl:1.2.840.113556.1.4.803:=2))",
      ["sAMAccountName"],
    );
    const litware = disabled
      .map((user) => attribute(user, "sAMAccountName") ?? "")
      .filter((name) => name in dc.users);
    expect(litware).toEqual(["guygilbert"]);
    expect(dc.disabledUsers).toEqual(["guygilbert"]);
    const guy = dc.users.guygilbert;
    expect(guy && (await canBind(dc.caFile, { bindDn: guy.userPrincipalName, password: guy.password }))).toBe(
      false,
    );
  });

  it("protects Domain Admins members with adminCount=1, and leaves users never enabled for Lync bare", {
    timeout: LDAP_TIMEOUT,
  }, async () => {
    const [adam] = await search("(sAMAccountName=adambarr)", ["memberOf", "adminCount"]);
    expect(adam && attributeValues(adam, "memberOf")).toContain(
      "CN=Domain Admins,CN=Users,DC=litwareinc,DC=com",
    );
    expect(adam && attribute(adam, "adminCount")).toBe("1");
    const [dan] = await search("(sAMAccountName=danpark)", [
      "msRTCSIP-PrimaryUserAddress",
      "msRTCSIP-UserEnabled",
    ]);
    expect(dan?.attributes).toEqual({});
  });

  it("lets Ken bind over LDAPS with his password and refuses a wrong one", {
    timeout: LDAP_TIMEOUT,
  }, async () => {
    const ken = dc.users.kenmyer;
    if (!ken) throw new Error("no kenmyer in the facts");
    expect(await canBind(dc.caFile, { bindDn: "kenmyer@litwareinc.com", password: ken.password })).toBe(true);
    expect(await canBind(dc.caFile, { bindDn: "kenmyer@litwareinc.com", password: `${ken.password}x` })).toBe(
      false,
    );
  });

  describe("add-users", () => {
    // A seed of this run's own, removed afterwards: the machine's DC is shared and outlives the test. Few
    // enough that a DC already holding tens of thousands of users (a developer's, where Samba adds and
    // deletes at ~100 ms an entry) is done in about a minute; the sync tests read past the page limit.
    const COUNT = 300;
    const seed = randomInt(100_000, 1_000_000);
    let added: string[] = [];

    afterAll(async () => {
      const ldif = added.map((dn) => `dn: ${dn}\nchangetype: delete\n\n`).join("");
      const started = performance.now();
      if (ldif) await ldapModify(dc.caFile, ldif, dc.admin);
      console.log(`add-users cleanup: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }, 600_000);

    // Its time is printed, not asserted (speed belongs to the bench): a DC that already holds tens of
    // thousands of users adds them far more slowly than a fresh one.
    it("adds 300 synthetic users in one LDIF, the server's generator's people", {
      timeout: 600_000,
    }, async () => {
      const result = await addTestUsers(COUNT, seed);
      added = Array.from({ length: result.added }, (_, i) => syntheticPerson(seed, result.firstIndex + i).dn);
      console.log(`add-users ${COUNT}: ${result.seconds.toFixed(1)} s`);
      expect(result).toMatchObject({ added: COUNT, firstIndex: 0 });

      const tag = seed.toString(36);
      const users = await search(`(&(objectClass=user)(sAMAccountName=*${tag}x*))`, ["cn"], dc.syntheticOu);
      const ownTag = new RegExp(` ${tag}x[0-9a-z]+$`);
      expect(users.filter((user) => ownTag.test(attribute(user, "cn") ?? ""))).toHaveLength(COUNT);
      // The same people as the server's generator makes for `pindesk seed --users N --seed S`.
      const stored = await search(
        `(&(objectClass=user)(sAMAccountName=*${tag}x*))`,
        LYNC_VIEW,
        dc.syntheticOu,
      );
      const bySam = new Map(stored.map((entry) => [attribute(entry, "sAMAccountName"), entry]));
      const poolIds = DEMO_POOLS.map((_, index) => index);
      for (let index = 0; index < COUNT; index++) {
        const user = syntheticUser(seed, index, poolIds);
        const entry = bySam.get(user.samAccountName);
        expect(entry?.dn).toBe(user.distinguishedName);
        if (!entry) continue;
        expect(lyncView(entry, dc.pools)).toEqual({
          displayName: user.displayName,
          department: user.department,
          sipAddress: user.sipAddress,
          lineUri: user.lineUri,
          enabled: user.enabled,
          enterpriseVoice: user.enterpriseVoiceEnabled,
          pool: user.registrarPoolId === null ? null : (DEMO_POOLS[user.registrarPoolId]?.fqdn ?? "?"),
        });
      }
    });
  });
});

// The module under test writes LDIF for ldapmodify; a value with a newline must not become a second line.
describe("LDIF values", () => {
  it("base64-encodes values that are not safe ASCII", () => {
    const record = modifyRecord("CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com", [
      { op: "replace", name: "description", values: ["two\nlines", "Gráinne", " leading space", "plain"] },
    ]);
    expect(record).toContain(`description:: ${Buffer.from("two\nlines").toString("base64")}`);
    expect(record).toContain(`description:: ${Buffer.from("Gráinne").toString("base64")}`);
    expect(record).toContain(`description:: ${Buffer.from(" leading space").toString("base64")}`);
    expect(record).toContain("description: plain");
  });
});
