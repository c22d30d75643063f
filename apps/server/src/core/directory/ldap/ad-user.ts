/**
 * One AD user entry as a PinDesk directory user, or the reason it is refused (shown on the Directory page).
 * Pure: the registrar pools, groups and domain facts it needs come in `context`.
 */
import { normalizeDistinguishedName, parentContainerKey } from "@pindesk/domain/directory/distinguished-name";
import type { NewDirectoryUser } from "../directory-writer.ts";
import type { AttributeMap } from "./directory-source.ts";

export type LdapValue = string | string[] | Buffer | Buffer[];
export type LdapEntry = { dn: string } & Record<string, LdapValue>;

export interface RegistrarPoolRef {
  fqdn: string;
  site: string | null;
}

export interface MappingContext {
  attributes: AttributeMap;
  netbiosDomain: string;
  /** The pool each msRTCSIP-PrimaryHomeServer value stands for, by DN key. */
  poolsByHomeServer: ReadonlyMap<string, RegistrarPoolRef>;
  /** Every group a group is in, nested groups followed, by the group's DN key. */
  groupChains: ReadonlyMap<string, readonly string[]>;
  /** Members of this group are protected: PinDesk never changes them (Domain Admins). */
  protectedGroupKey: string;
}

export interface AdUser {
  objectGuid: string;
  user: Omit<NewDirectoryUser, "registrarPoolId" | "pinPolicyId">;
  /** The registrar pool the user is homed on, resolved to its row when the batch is written. */
  pool: RegistrarPoolRef | null;
}

export type MappedEntry = { ok: true; adUser: AdUser } | { ok: false; dn: string; reason: string };

const ACCOUNTDISABLE = 0x2;
const ENTERPRISE_VOICE = 128;
const MAX_TEXT = 256;

/** AD's objectGUID bytes as the GUID AD's own tools show: the first three fields are little-endian. */
export function guidFromBytes(bytes: Buffer): string {
  if (bytes.length !== 16) throw new Error(`objectGUID has ${bytes.length} bytes, not 16`);
  // Once per synced user: hex once, then the little-endian fields' byte pairs in reverse order.
  const hex = bytes.toString("hex");
  const reversed = (start: number, end: number) => {
    let out = "";
    for (let at = end - 2; at >= start; at -= 2) out += hex.slice(at, at + 2);
    return out;
  };
  return `${reversed(0, 8)}-${reversed(8, 12)}-${reversed(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The bytes of a GUID string, for a search by objectGUID (the inverse of guidFromBytes). */
export function guidToBytes(guid: string): Buffer {
  const hex = guid.replace(/-/g, "");
  const bytes = Buffer.from(hex, "hex");
  const swap = (start: number, end: number) => bytes.subarray(start, end).reverse();
  swap(0, 4);
  swap(4, 6);
  swap(6, 8);
  return bytes;
}

/** The first value of an attribute, as text; undefined when the entry has none. */
export function first(entry: LdapEntry, attribute: string): string | undefined {
  const value = entry[attribute];
  const one = Array.isArray(value) ? value[0] : value;
  if (one === undefined) return undefined;
  const text = Buffer.isBuffer(one) ? one.toString("utf8") : one;
  return text === "" ? undefined : text;
}

export function all(entry: LdapEntry, attribute: string): string[] {
  const value = entry[attribute];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (Buffer.isBuffer(v) ? v.toString("utf8") : v));
}

const dnKey = (dn: string) => normalizeDistinguishedName(dn) ?? dn.toLowerCase();

/** Why a text value cannot be stored, or undefined. */
function textProblem(name: string, value: string | null): string | undefined {
  if (value === null) return undefined;
  if (value.includes("\0")) return `${name} holds a NUL character`;
  if (value.length > MAX_TEXT) return `${name} is longer than ${MAX_TEXT} characters`;
  return undefined;
}

export function mapAdUser(entry: LdapEntry, context: MappingContext): MappedEntry {
  const { attributes: a } = context;
  const dn = first(entry, "distinguishedName") ?? entry.dn;
  const refuse = (reason: string): MappedEntry => ({ ok: false, dn, reason });

  const guidValue = entry.objectGUID;
  const guidBytes = Array.isArray(guidValue) ? guidValue[0] : guidValue;
  if (!Buffer.isBuffer(guidBytes) || guidBytes.length !== 16) return refuse("has no objectGUID");
  if (normalizeDistinguishedName(dn) === undefined || parentContainerKey(dn) === undefined)
    return refuse("has a distinguished name PinDesk cannot read");

  const samAccountName = first(entry, a.samAccountName);
  if (!samAccountName) return refuse(`has no ${a.samAccountName}`);
  const text = (property: keyof AttributeMap) => first(entry, a[property]) ?? null;

  const sipAddress = text("sipAddress");
  if (sipAddress !== null && !/^sip:[^@\s]+@[^@\s]+$/i.test(sipAddress))
    return refuse(`its SIP address (${a.sipAddress}) is not a sip: URI such as sip:kenmyer@litwareinc.com`);
  const lineUri = text("lineUri");
  if (lineUri !== null && !/^tel:\+?\d/i.test(lineUri))
    return refuse(`its line URI (${a.lineUri}) is not a tel: URI such as tel:+14255551102;ext=1102`);

  const displayName = text("displayName") ?? first(entry, "cn") ?? samAccountName;
  const values = {
    displayName,
    firstName: text("firstName"),
    lastName: text("lastName"),
    samAccountName,
    userPrincipalName: text("userPrincipalName"),
    department: text("department"),
    title: text("title"),
    office: text("office"),
    company: text("company"),
    city: text("city"),
    mail: text("mail"),
    telephoneNumber: text("telephoneNumber"),
  };
  for (const [name, value] of Object.entries(values)) {
    const problem = textProblem(name, value);
    if (problem) return refuse(problem);
  }

  const memberOf = all(entry, "memberOf").map(dnKey);
  const chain = new Set(memberOf);
  for (const group of memberOf) for (const parent of context.groupChains.get(group) ?? []) chain.add(parent);
  const homeServer = text("homeServer");
  const optionFlags = Number(text("optionFlags") ?? 0);
  const userAccountControl = Number(first(entry, "userAccountControl") ?? 0);
  const objectGuid = guidFromBytes(guidBytes);

  return {
    ok: true,
    adUser: {
      objectGuid,
      pool: homeServer ? (context.poolsByHomeServer.get(dnKey(homeServer)) ?? null) : null,
      user: {
        ...values,
        netbiosDomain: context.netbiosDomain,
        sipAddress,
        lineUri,
        distinguishedName: dn,
        enabled: (text("lyncEnabled") ?? "").toUpperCase() === "TRUE",
        enterpriseVoiceEnabled: Number.isFinite(optionFlags) && (optionFlags & ENTERPRISE_VOICE) !== 0,
        protected: first(entry, "adminCount") === "1" || chain.has(context.protectedGroupKey),
        objectGuid,
        managerDn: text("manager"),
        userAccountControl: Number.isFinite(userAccountControl) ? userAccountControl : null,
        memberOf,
        memberOfChain: [...chain].sort(),
      },
    },
  };
}

/** AD's ACCOUNTDISABLE flag: the account cannot sign in to anything. */
export const isAccountDisabled = (userAccountControl: number | null) =>
  userAccountControl !== null && (userAccountControl & ACCOUNTDISABLE) !== 0;
