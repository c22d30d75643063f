/**
 * The identity formats every Cs user cmdlet accepts (docs/design.md, "Identity formats", Get-CsUser
 * -Identity): SIP address, user principal name, domain\logon, display name (with `*` wildcards) and
 * distinguished name. Parsing is pure; the server turns a parsed identity into a lookup.
 */
import { parseDistinguishedName } from "../directory/distinguished-name.ts";

export type UserIdentity =
  | { kind: "SipAddress"; sipAddress: string }
  | { kind: "UserPrincipalName"; userPrincipalName: string }
  | { kind: "DomainLogon"; domain: string; logon: string }
  | { kind: "DistinguishedName"; distinguishedName: string }
  | { kind: "DisplayName"; displayName: string; hasWildcard: boolean };

export type IdentityParseResult = { ok: true; identity: UserIdentity } | { ok: false; message: string };

export const MAX_IDENTITY_LENGTH = 1024;

export function parseUserIdentity(input: string): IdentityParseResult {
  const value = input.trim();
  if (value === "") return { ok: false, message: "identity is empty" };
  if (value.includes("\u0000")) return { ok: false, message: "identity must not contain a NUL character" };
  if (value.length > MAX_IDENTITY_LENGTH) {
    return { ok: false, message: `identity must be at most ${MAX_IDENTITY_LENGTH} characters` };
  }

  if (/^sip:/i.test(value)) {
    const address = value.slice(4);
    if (!/^[^@\s]+@[^@\s]+$/.test(address)) {
      return { ok: false, message: `${value} is not a SIP address such as sip:kenmyer@litwareinc.com` };
    }
    return { ok: true, identity: { kind: "SipAddress", sipAddress: `sip:${address}` } };
  }

  // A distinguished name starts with an attribute type and "=" (CN=…); display names do not contain "=".
  if (/^(cn|ou|uid)\s*=/i.test(value)) {
    if (!parseDistinguishedName(value)) {
      return {
        ok: false,
        message: `${value} is not a distinguished name such as CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com`,
      };
    }
    return { ok: true, identity: { kind: "DistinguishedName", distinguishedName: value } };
  }

  const backslash = value.indexOf("\\");
  if (backslash >= 0) {
    const domain = value.slice(0, backslash);
    const logon = value.slice(backslash + 1);
    if (domain === "" || logon === "" || logon.includes("\\") || /\s/.test(domain + logon)) {
      return { ok: false, message: `${value} is not a domain\\logon name such as litwareinc\\kenmyer` };
    }
    return { ok: true, identity: { kind: "DomainLogon", domain, logon } };
  }

  if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) {
    return { ok: true, identity: { kind: "UserPrincipalName", userPrincipalName: value } };
  }

  return {
    ok: true,
    identity: { kind: "DisplayName", displayName: value, hasWildcard: value.includes("*") },
  };
}
