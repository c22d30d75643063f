import { describe, expect, it } from "vitest";
import { parseUserIdentity } from "./user-identity.ts";

const identity = (input: string) => {
  const result = parseUserIdentity(input);
  if (!result.ok) throw new Error(result.message);
  return result.identity;
};

describe("parseUserIdentity", () => {
  describe("the four formats of Get-CsClientPinInfo -Identity, and distinguished names", () => {
    it("reads a SIP address (sip:kenmyer@litwareinc.com)", () => {
      expect(identity("sip:kenmyer@litwareinc.com")).toEqual({
        kind: "SipAddress",
        sipAddress: "sip:kenmyer@litwareinc.com",
      });
    });

    it("reads a SIP address whatever the case of its scheme", () => {
      expect(identity("SIP:kenmyer@litwareinc.com")).toEqual({
        kind: "SipAddress",
        sipAddress: "sip:kenmyer@litwareinc.com",
      });
    });

    it("reads a user principal name (kenmyer@litwareinc.com)", () => {
      expect(identity("kenmyer@litwareinc.com")).toEqual({
        kind: "UserPrincipalName",
        userPrincipalName: "kenmyer@litwareinc.com",
      });
    });

    it("reads domain\\logon (litwareinc\\kenmyer, Example 2)", () => {
      expect(identity("litwareinc\\kenmyer")).toEqual({
        kind: "DomainLogon",
        domain: "litwareinc",
        logon: "kenmyer",
      });
    });

    it('reads a display name ("Ken Myer", as Lock-CsClientPin -Identity "Ken Myer")', () => {
      expect(identity("Ken Myer")).toEqual({
        kind: "DisplayName",
        displayName: "Ken Myer",
        hasWildcard: false,
      });
    });

    it('reads a display name with a leading wildcard ("* Smith")', () => {
      expect(identity("* Smith")).toEqual({ kind: "DisplayName", displayName: "* Smith", hasWildcard: true });
    });

    it('reads a display name with a trailing wildcard ("Pilar*")', () => {
      expect(identity("Pilar*")).toEqual({ kind: "DisplayName", displayName: "Pilar*", hasWildcard: true });
    });

    it("reads a distinguished name (CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com)", () => {
      expect(identity("CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com")).toEqual({
        kind: "DistinguishedName",
        distinguishedName: "CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com",
      });
    });

    it("reads a distinguished name whatever the case of its attribute types", () => {
      expect(identity("cn=Ken Myer,ou=Finance,dc=litwareinc,dc=com").kind).toBe("DistinguishedName");
    });

    it("trims the spaces around an identity", () => {
      expect(identity("  litwareinc\\kenmyer ")).toEqual({
        kind: "DomainLogon",
        domain: "litwareinc",
        logon: "kenmyer",
      });
    });
  });

  describe("refusals", () => {
    it.each([
      ["", "identity is empty"],
      ["   ", "identity is empty"],
      ["sip:", "is not a SIP address"],
      ["sip:kenmyer", "is not a SIP address"],
      ["litwareinc\\", "is not a domain\\logon name"],
      ["\\kenmyer", "is not a domain\\logon name"],
      ["a\\b\\c", "is not a domain\\logon name"],
      ["CN=Ken Myer,Finance", "is not a distinguished name"],
      ["CN=,OU=Finance,DC=litwareinc,DC=com", "is not a distinguished name"],
    ])("refuses %j: %s", (input, message) => {
      const result = parseUserIdentity(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain(message);
    });

    it("refuses an identity longer than 1024 characters", () => {
      const result = parseUserIdentity("a".repeat(1025));
      expect(result).toEqual({ ok: false, message: "identity must be at most 1024 characters" });
    });
  });
});
