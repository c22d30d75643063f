import { describe, expect, it } from "vitest";
import { guidFromBytes, type LdapEntry } from "../ldap/ad-user.ts";
import { LYNC_ATTRIBUTES } from "../ldap/directory-source.ts";
import { readLdif } from "./ldif-reader.ts";
import { exportFolder, KEN, ldifFile, RED1_HOME_SERVER, ZOE } from "./test-exports.ts";

const write = exportFolder();
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

async function read(content: string | Buffer): Promise<{ entry: LdapEntry; line: number }[]> {
  const file = write(`t${Math.random().toString(36).slice(2)}.ldf`, content);
  const entries = [];
  for await (const entry of readLdif(file, { ...LYNC_ATTRIBUTES })) entries.push(entry);
  return entries;
}

async function failure(content: string | Buffer): Promise<string> {
  return read(content).then(
    () => "no error",
    (error: Error) => error.message.replace(/^.*\.ldf, /, ""),
  );
}

// An ldifde export as it looks on disk: comments, version, changetype, a folded DN, base64 values.
const LDIFDE = [
  "# Exported by ldifde -f users.ldf -d OU=Finance,DC=litwareinc,DC=com",
  "version: 1",
  "",
  "dn: CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com",
  "changetype: add",
  "objectClass: top",
  "objectClass: user",
  "displayName: Ken Myer",
  "samaccountname: kenmyer",
  "msRTCSIP-PrimaryUserAddress: sip:kenmyer@litwareinc.com",
  "msRTCSIP-Line: tel:+14255551102;ext=1102",
  "msRTCSIP-PrimaryHomeServer: CN=Lc Services,CN=Microsoft,CN=1:1,CN=Pools,CN=RTC",
  "  Service,CN=Services,CN=Configuration,DC=litwareinc,DC=com",
  "memberOf: CN=Finance Team,OU=Finance,DC=litwareinc,DC=com",
  "memberOf: CN=All Staff,DC=litwareinc,DC=com",
  "objectGUID:: /xmWb4aLEdC0LQDAT8lk/w==",
  "",
  "",
  `dn:: ${b64("CN=Zoë Marsh,OU=Sales,DC=litwareinc,DC=com")}`,
  "changetype: add",
  `displayName:: ${b64("Zoë Marsh-Ørsted")}`,
  "sAMAccountName: zoemarsh",
  "description:",
  "# a comment inside a record, folded",
  " over two lines",
  "objectGUID:: LpxcCx1KPk+ai3xtXk86IQ==",
  "",
].join("\r\n");

describe("LDIF reader", () => {
  it("reads an ldifde export: base64, folding, comments, repeated attributes, names in any case", async () => {
    const entries = await read(LDIFDE);
    expect(entries).toHaveLength(2);
    const [ken, zoe] = entries;
    expect(ken?.line).toBe(4);
    expect(ken?.entry).toMatchObject({
      dn: "CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com",
      displayName: "Ken Myer",
      sAMAccountName: "kenmyer",
      "msRTCSIP-Line": "tel:+14255551102;ext=1102",
      "msRTCSIP-PrimaryHomeServer": RED1_HOME_SERVER,
      memberOf: ["CN=Finance Team,OU=Finance,DC=litwareinc,DC=com", "CN=All Staff,DC=litwareinc,DC=com"],
      objectClass: ["top", "user"],
    });
    expect(Buffer.isBuffer(ken?.entry.objectGUID)).toBe(true);
    expect(guidFromBytes(ken?.entry.objectGUID as Buffer)).toBe(KEN.guid);
    expect(zoe?.line).toBe(19);
    expect(zoe?.entry).toMatchObject({
      dn: "CN=Zoë Marsh,OU=Sales,DC=litwareinc,DC=com",
      displayName: "Zoë Marsh-Ørsted",
      description: "",
    });
    expect(guidFromBytes(zoe?.entry.objectGUID as Buffer)).toBe(ZOE.guid);
  });

  it("reads what the test writer writes (lines folded at 76 columns) and UTF-16 with a byte-order mark", async () => {
    const text = ldifFile([KEN, ZOE]);
    expect(text).toContain("\n ");
    const utf8 = await read(text);
    expect(utf8.map((e) => e.entry.displayName)).toEqual(["Ken Myer", "Zoë Marsh-Ørsted"]);
    const utf16 = await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    expect(utf16.map((e) => e.entry)).toEqual(utf8.map((e) => e.entry));
    const bom = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]));
    expect(bom).toHaveLength(2);
  });

  it("stops at a malformed line, naming it", async () => {
    const ken = "dn: CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com\nsAMAccountName: kenmyer\n";
    expect(await failure(`${ken}objectGUID:: not*base64\n`)).toBe("line 3: objectGUID:: is not valid base64");
    expect(await failure(`${ken}\nsAMAccountName: nodn\n`)).toBe(
      'line 4: starts a record without "dn:" (sAMAccountName)',
    );
    expect(await failure(`${ken}displayName Ken\n`)).toMatch(/^line 3: is not "attribute: value"/);
    expect(await failure(`${ken}dn: CN=Other,DC=litwareinc,DC=com\n`)).toMatch(/^line 3: has a second dn:/);
    expect(await failure(`${ken}\n continued\n`)).toBe("line 4: continues a line, but follows a blank line");
    expect(await failure(`dn: CN=x,DC=com\nchangetype: modify\n`)).toMatch(
      /^line 2: is a "changetype: modify"/,
    );
    expect(await failure(`${ken}jpegPhoto:< file:///etc/passwd\n`)).toMatch(/^line 3: names a file or URL/);
    // Windows-1252 "ë" (0xEB) is not UTF-8: csvde or ldifde without -u.
    const ansi = Buffer.concat([
      Buffer.from(`${ken}displayName: Zo`),
      Buffer.from([0xeb]),
      Buffer.from("\n"),
    ]);
    expect(await failure(ansi)).toMatch(/^line 3: is not UTF-8 text/);
  });

  it("says which file cannot be read", async () => {
    await expect(async () => {
      for await (const _ of readLdif("/nonexistent/users.ldf", { ...LYNC_ATTRIBUTES })) break;
    }).rejects.toThrow("/nonexistent/users.ldf: cannot be read (ENOENT)");
  });
});
