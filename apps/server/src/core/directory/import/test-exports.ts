/**
 * Export files for the import tests, written as ldifde and csvde write them: LDIF with `changetype: add`,
 * base64 for binary and non-ASCII values and lines folded at 76 columns; csvde with a DN column first,
 * quoting where needed, `;` between values and X'…' for objectGUID.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { guidToBytes } from "../ldap/ad-user.ts";

export interface ExportPerson {
  guid: string;
  dn: string;
  sam: string;
  displayName?: string;
  givenName?: string;
  sn?: string;
  department?: string;
  sip?: string;
  line?: string;
  homeServer?: string;
  enabled?: boolean;
  optionFlags?: number;
  memberOf?: string[];
  userAccountControl?: number;
}

export const LITWARE = "DC=litwareinc,DC=com";
export const RED1_HOME_SERVER = `CN=Lc Services,CN=Microsoft,CN=1:1,CN=Pools,CN=RTC Service,CN=Services,CN=Configuration,${LITWARE}`;

export const KEN: ExportPerson = {
  guid: "6f9619ff-8b86-d011-b42d-00c04fc964ff",
  dn: `CN=Ken Myer,OU=Finance,${LITWARE}`,
  sam: "kenmyer",
  displayName: "Ken Myer",
  givenName: "Ken",
  sn: "Myer",
  department: "Finance",
  sip: "sip:kenmyer@litwareinc.com",
  line: "tel:+14255551102;ext=1102",
  homeServer: RED1_HOME_SERVER,
  enabled: true,
  optionFlags: 384,
  memberOf: [`CN=Finance Team,OU=Finance,${LITWARE}`, `CN=All Staff,${LITWARE}`],
  userAccountControl: 512,
};

export const ZOE: ExportPerson = {
  guid: "0b5c9c2e-4a1d-4f3e-9a8b-7c6d5e4f3a21",
  dn: `CN=Zoë Marsh,OU=Sales,${LITWARE}`,
  sam: "zoemarsh",
  displayName: "Zoë Marsh-Ørsted",
  givenName: "Zoë",
  sn: "Marsh-Ørsted",
  department: "Sales",
  sip: "sip:zoe.marsh@litwareinc.com",
  enabled: true,
  optionFlags: 256,
  memberOf: [`CN=All Staff,${LITWARE}`],
  userAccountControl: 512,
};

/** A SIP address without sip: — the mapping refuses it. */
export const BAD_SIP: ExportPerson = {
  guid: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
  dn: `CN=Bad Sip,OU=Sales,${LITWARE}`,
  sam: "badsip",
  displayName: "Bad Sip",
  sip: "badsip@litwareinc.com",
  enabled: true,
};

function attributes(person: ExportPerson): [string, string | Buffer | undefined][] {
  return [
    ["objectClass", "top"],
    ["objectClass", "person"],
    ["objectClass", "organizationalPerson"],
    ["objectClass", "user"],
    ["cn", person.dn.slice(3, person.dn.indexOf(","))],
    ["displayName", person.displayName],
    ["givenName", person.givenName],
    ["sn", person.sn],
    ["sAMAccountName", person.sam],
    ["userPrincipalName", `${person.sam}@litwareinc.com`],
    ["department", person.department],
    ["msRTCSIP-PrimaryUserAddress", person.sip],
    ["msRTCSIP-Line", person.line],
    ["msRTCSIP-PrimaryHomeServer", person.homeServer],
    ["msRTCSIP-UserEnabled", person.enabled === undefined ? undefined : person.enabled ? "TRUE" : "FALSE"],
    ["msRTCSIP-OptionFlags", person.optionFlags?.toString()],
    ...(person.memberOf ?? []).map((group): [string, string] => ["memberOf", group]),
    ["userAccountControl", person.userAccountControl?.toString()],
    ["objectGUID", guidToBytes(person.guid)],
  ];
}

const SAFE = /^(?![ :<])[ -~]*$/;

function ldifLine(name: string, value: string | Buffer): string {
  const line =
    typeof value === "string" && SAFE.test(value)
      ? `${name}: ${value}`
      : `${name}:: ${Buffer.from(value).toString("base64")}`;
  // Folded as RFC 2849 allows: 76 columns, each continuation starting with one space.
  const parts = [line.slice(0, 76)];
  for (let i = 76; i < line.length; i += 75) parts.push(` ${line.slice(i, i + 75)}`);
  return parts.join("\n");
}

export function ldifRecord(person: ExportPerson): string {
  const lines = [ldifLine("dn", person.dn), "changetype: add"];
  for (const [name, value] of attributes(person)) if (value !== undefined) lines.push(ldifLine(name, value));
  return `${lines.join("\n")}\n\n`;
}

export function ldifFile(people: readonly ExportPerson[]): string {
  return people.map(ldifRecord).join("");
}

const CSV_COLUMNS = [
  "DN",
  "objectClass",
  "cn",
  "displayName",
  "givenName",
  "sn",
  "sAMAccountName",
  "userPrincipalName",
  "department",
  "msRTCSIP-PrimaryUserAddress",
  "msRTCSIP-Line",
  "msRTCSIP-PrimaryHomeServer",
  "msRTCSIP-UserEnabled",
  "msRTCSIP-OptionFlags",
  "memberOf",
  "userAccountControl",
  "objectGUID",
];

const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function csvdeRow(person: ExportPerson): string {
  const values = new Map<string, string[]>();
  for (const [name, value] of attributes(person)) {
    if (value === undefined) continue;
    const text = Buffer.isBuffer(value) ? `X'${value.toString("hex")}'` : value;
    values.set(name, [...(values.get(name) ?? []), text]);
  }
  return CSV_COLUMNS.map((column) =>
    column === "DN" ? csvField(person.dn) : csvField((values.get(column) ?? []).join(";")),
  ).join(",");
}

export function csvdeFile(people: readonly ExportPerson[]): string {
  return `${[CSV_COLUMNS.join(","), ...people.map(csvdeRow)].join("\r\n")}\r\n`;
}

/** A folder of the test's own for its export files. */
export function exportFolder(): (name: string, content: string | Buffer) => string {
  const folder = mkdtempSync(path.join(tmpdir(), "pindesk-import-"));
  return (name, content) => {
    const file = path.join(folder, name);
    writeFileSync(file, content);
    return file;
  };
}
