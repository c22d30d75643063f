import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_ROLE_MAP,
  meetsMfaRequirement,
  parseMfaRequirement,
  parseRoleMap,
  rolesFromClaims,
} from "./role-claims.ts";
import { CS_ROLES } from "./roles.ts";

const HELP_DESK_ID = "3b2b0c93-acd8-4208-8eba-7a48db1cd4c0";
const ADMINS_ID = "0760b6cf-170e-4a14-91b3-4b78e0739963";

describe("parseRoleMap", () => {
  it("maps each role to the group named after it by default", () => {
    expect(parseRoleMap(undefined)).toBe(DEFAULT_ROLE_MAP);
    expect(parseRoleMap("  ")).toBe(DEFAULT_ROLE_MAP);
    expect([...DEFAULT_ROLE_MAP.keys()]).toEqual([...CS_ROLES]);
    expect(DEFAULT_ROLE_MAP.get("CsHelpDesk")).toEqual(new Set(["cshelpdesk"]));
  });

  it("reads Role=group,group;Role=group, trimming, in any case, a role named twice keeping both", () => {
    const map = parseRoleMap(
      ` CsHelpDesk = ${HELP_DESK_ID.toUpperCase()} , Help Desk ;CsAdministrator=${ADMINS_ID};CsHelpDesk=Tier 1;`,
    );
    expect(map.get("CsHelpDesk")).toEqual(new Set([HELP_DESK_ID, "help desk", "tier 1"]));
    expect(map.get("CsAdministrator")).toEqual(new Set([ADMINS_ID]));
    // Given a map, the roles it does not name are granted by no group.
    expect(map.has("CsUserAdministrator")).toBe(false);
  });

  it("refuses an entry that is not Role=group, an unknown role, a role without a group", () => {
    expect(() => parseRoleMap("CsHelpDesk")).toThrow('"CsHelpDesk" is not Role=group');
    expect(() => parseRoleMap("HelpDesk=Tier 1")).toThrow('"HelpDesk" is not a Cs role');
    expect(() => parseRoleMap("CsHelpDesk= , ")).toThrow("CsHelpDesk is given no group");
    expect(() => parseRoleMap(";;")).toThrow("names no role");
  });
});

describe("rolesFromClaims", () => {
  const map = parseRoleMap(`CsHelpDesk=${HELP_DESK_ID};CsAdministrator=${ADMINS_ID},PinDesk Admins`);

  it("grants the roles of the mapped group ids (Entra ID) and names, in the matrix's order", () => {
    expect(rolesFromClaims({ groups: [ADMINS_ID, "other", HELP_DESK_ID] }, "groups", map)).toEqual({
      ok: true,
      roles: ["CsAdministrator", "CsHelpDesk"],
      groupCount: 3,
    });
    expect(rolesFromClaims({ groups: ["pindesk admins"] }, "groups", map)).toMatchObject({
      roles: ["CsAdministrator"],
    });
    expect(rolesFromClaims({ roles: "CsHelpDesk" }, "roles", DEFAULT_ROLE_MAP)).toMatchObject({
      roles: ["CsHelpDesk"],
    });
  });

  it("reads a missing claim or an empty list as no group, and an unmapped group as no role", () => {
    expect(rolesFromClaims({}, "groups", map)).toEqual({ ok: true, roles: [], groupCount: 0 });
    expect(rolesFromClaims({ groups: [] }, "groups", map)).toMatchObject({ ok: true, roles: [] });
    expect(rolesFromClaims({ groups: ["CsHelpDesk"] }, "groups", map)).toMatchObject({ roles: [] });
  });

  it("refuses a claim that is neither a string nor an array of strings, saying what it was", () => {
    const cases: [unknown, string][] = [
      [42, "number"],
      [true, "boolean"],
      [null, "null"],
      [{ CsHelpDesk: true }, "object"],
      [["CsHelpDesk", 7], "array of number, string"],
      [[["CsHelpDesk"]], "array of array"],
    ];
    for (const [value, found] of cases) {
      expect(rolesFromClaims({ groups: value }, "groups", map)).toEqual({
        ok: false,
        problem: "unexpected_claim",
        found,
      });
    }
  });

  it("recognises Entra ID's group overage (the claim replaced by _claim_names)", () => {
    const claims = {
      _claim_names: { groups: "src1" },
      _claim_sources: { src1: { endpoint: "https://graph" } },
    };
    expect(rolesFromClaims(claims, "groups", map)).toMatchObject({ ok: false, problem: "groups_overage" });
    // Overage of another claim says nothing about this one.
    expect(rolesFromClaims(claims, "roles", map)).toMatchObject({ ok: true, roles: [] });
  });

  it("never grants a role unless one of its groups is in the claim (property)", () => {
    const group = fc.oneof(
      fc.constantFrom(HELP_DESK_ID, ADMINS_ID, "PinDesk Admins", "CsHelpDesk"),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(group, { maxLength: 8 }), (groups) => {
        const result = rolesFromClaims({ groups }, "groups", map);
        if (!result.ok) return false;
        const held = new Set(groups.map((g) => g.trim().toLowerCase()));
        return CS_ROLES.every(
          (role) => result.roles.includes(role) === [...(map.get(role) ?? [])].some((g) => held.has(g)),
        );
      }),
    );
  });
});

describe("the multi-factor requirement", () => {
  it("parses off, amr:<value> and acr:<value>, and refuses anything else", () => {
    expect(parseMfaRequirement(undefined)).toEqual({ kind: "off" });
    expect(parseMfaRequirement("OFF")).toEqual({ kind: "off" });
    expect(parseMfaRequirement("amr:mfa")).toEqual({ kind: "amr", value: "mfa" });
    expect(parseMfaRequirement("ACR: urn:okta:loa:2fa:any ")).toEqual({
      kind: "acr",
      value: "urn:okta:loa:2fa:any",
    });
    expect(() => parseMfaRequirement("mfa")).toThrow("is not off, amr:<value>");
    expect(() => parseMfaRequirement("amr:")).toThrow();
  });

  it("is met by amr listing the value, or acr being exactly it", () => {
    const amr = parseMfaRequirement("amr:mfa");
    expect(meetsMfaRequirement({ amr: ["pwd", "mfa"] }, amr)).toBe(true);
    expect(meetsMfaRequirement({ amr: ["pwd"] }, amr)).toBe(false);
    expect(meetsMfaRequirement({ amr: "mfa" }, amr)).toBe(false);
    expect(meetsMfaRequirement({}, amr)).toBe(false);
    const acr = parseMfaRequirement("acr:2");
    expect(meetsMfaRequirement({ acr: "2" }, acr)).toBe(true);
    expect(meetsMfaRequirement({ acr: "1" }, acr)).toBe(false);
    expect(meetsMfaRequirement({ acr: 2 }, acr)).toBe(false);
    expect(meetsMfaRequirement({}, { kind: "off" })).toBe(true);
  });
});
