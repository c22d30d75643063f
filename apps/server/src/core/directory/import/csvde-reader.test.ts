import { describe, expect, it } from "vitest";
import { guidFromBytes, type LdapEntry } from "../ldap/ad-user.ts";
import { LYNC_ATTRIBUTES } from "../ldap/directory-source.ts";
import { readCsvde } from "./csvde-reader.ts";
import { readLdif } from "./ldif-reader.ts";
import { csvdeFile, exportFolder, KEN, ldifFile, ZOE } from "./test-exports.ts";

const write = exportFolder();

async function read(content: string | Buffer): Promise<{ entry: LdapEntry; line: number }[]> {
  const file = write(`t${Math.random().toString(36).slice(2)}.csv`, content);
  const entries = [];
  for await (const entry of readCsvde(file, { ...LYNC_ATTRIBUTES })) entries.push(entry);
  return entries;
}

async function failure(content: string | Buffer): Promise<string> {
  return read(content).then(
    () => "no error",
    (error: Error) => error.message.replace(/^.*\.csv(, |: )/, ""),
  );
}

// A csvde export: DN first and quoted, "" inside quotes, a value over two lines, ; between values, X'…'.
const CSVDE = [
  "DN,objectClass,displayName,sAMAccountName,msRTCSIP-Line,memberOf,info,objectGUID,objectSid",
  '"CN=Myer\\, Ken,OU=Finance,DC=litwareinc,DC=com",top;person;user,"Ken ""KM"" Myer",kenmyer,tel:+14255551102;ext=1102,' +
    '"CN=Finance Team,OU=Finance,DC=litwareinc,DC=com;CN=All Staff,DC=litwareinc,DC=com","first line',
  "second line\",X'ff19966f868b11d0b42d00c04fc964ff',X'0105'",
  "",
  '"CN=Zoë Marsh,OU=Sales,DC=litwareinc,DC=com",top;user,Zoë Marsh-Ørsted,zoemarsh,,,,{0b5c9c2e-4a1d-4f3e-9a8b-7c6d5e4f3a21},',
].join("\r\n");

describe("csvde reader", () => {
  it("reads a csvde export: quoting, multi-line values, ; lists, X'…' binaries, a line URI kept whole", async () => {
    const [ken, zoe, ...rest] = await read(CSVDE);
    expect(rest).toEqual([]);
    expect(ken?.line).toBe(2);
    expect(ken?.entry).toMatchObject({
      dn: "CN=Myer\\, Ken,OU=Finance,DC=litwareinc,DC=com",
      displayName: 'Ken "KM" Myer',
      "msRTCSIP-Line": "tel:+14255551102;ext=1102",
      memberOf: ["CN=Finance Team,OU=Finance,DC=litwareinc,DC=com", "CN=All Staff,DC=litwareinc,DC=com"],
      objectClass: ["top", "person", "user"],
      info: "first line\nsecond line",
    });
    expect(guidFromBytes(ken?.entry.objectGUID as Buffer)).toBe(KEN.guid);
    expect(ken?.entry.objectSid).toEqual(Buffer.from([1, 5]));
    // A GUID written as text (a hand-made file, or PowerShell's Export-Csv) is the same GUID.
    expect(zoe?.line).toBe(5);
    expect(guidFromBytes(zoe?.entry.objectGUID as Buffer)).toBe(ZOE.guid);
    expect(zoe?.entry).toMatchObject({ displayName: "Zoë Marsh-Ørsted" });
    expect(zoe?.entry).not.toHaveProperty("memberOf");
  });

  it("gives the entries an LDIF export of the same users gives, from UTF-8 and from UTF-16", async () => {
    const ldif = write("same.ldf", ldifFile([KEN, ZOE]));
    const fromLdif = [];
    for await (const { entry } of readLdif(ldif, { ...LYNC_ATTRIBUTES })) fromLdif.push(entry);
    const csv = csvdeFile([KEN, ZOE]);
    expect((await read(csv)).map((e) => e.entry)).toEqual(fromLdif);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, "utf16le")]);
    expect((await read(utf16)).map((e) => e.entry)).toEqual(fromLdif);
  });

  it("stops at a malformed record, naming its line", async () => {
    const header = "DN,sAMAccountName,objectGUID\n";
    expect(await failure(`${header}"CN=Ken Myer,DC=litwareinc,DC=com,kenmyer,X'00'\nCN=b,b,c\n`)).toBe(
      "line 2: opens a quote that never closes",
    );
    expect(await failure(`${header}"CN=Ken Myer,DC=com",kenmyer\n`)).toBe(
      "line 2: has 2 fields; the header has 3",
    );
    expect(await failure(`${header}"CN=Ken Myer,DC=com",kenmyer,X'abc'\n`)).toBe(
      "line 2: objectGUID has an odd number of hex digits",
    );
    expect(await failure(`${header}"CN=Ken Myer,DC=com"x,kenmyer,\n`)).toBe(
      "line 2: has text after the closing quote of field 1",
    );
    expect(await failure(`${header}CN=Ken,ken"my"er,\n`)).toMatch(/^line 2: has a quote inside field 2/);
    expect(await failure(`${header},kenmyer,\n`)).toBe("line 2: has no DN");
    expect(await failure("sAMAccountName,DN\nkenmyer,CN=Ken\n")).toMatch(/^line 1: is not a csvde header/);
    expect(await failure("DN,cn,CN\n")).toBe("line 1: names CN twice");
    expect(await failure("")).toBe("is empty: a csvde export starts with a header line");
  });
});
