import { describe, expect, it } from "vitest";
import {
  normalizeDistinguishedName,
  organizationalUnitKey,
  parentContainerKey,
  parseDistinguishedName,
} from "./distinguished-name.ts";

describe("distinguished names", () => {
  it("splits a DN into components, keeping escaped commas inside a value", () => {
    expect(parseDistinguishedName("CN=Myer\\, Ken,OU=Finance,DC=litwareinc,DC=com")).toEqual([
      { type: "cn", value: "Myer\\, Ken" },
      { type: "ou", value: "Finance" },
      { type: "dc", value: "litwareinc" },
      { type: "dc", value: "com" },
    ]);
  });

  it.each(["", "Finance", "OU=Finance,", "XX=Finance,DC=com", "=Finance"])("refuses %j", (dn) => {
    expect(parseDistinguishedName(dn)).toBeUndefined();
  });

  it("keys the Finance OU (Get-CsUser -OU example) outermost first", () => {
    expect(organizationalUnitKey("OU=Finance,DC=litwareinc,DC=com")).toBe("dc=com,dc=litwareinc,ou=finance,");
  });

  it("keys a user in a child OU so that the parent OU's key is a prefix of it (child OUs included)", () => {
    const user = parentContainerKey("CN=Ken Myer,OU=Payroll,OU=Finance,DC=litwareinc,DC=com");
    const finance = organizationalUnitKey("OU=Finance,DC=litwareinc,DC=com");
    expect(user?.startsWith(finance ?? "?")).toBe(true);
  });

  it("does not let OU=Fin match OU=Finance (components end with a comma)", () => {
    const user = parentContainerKey("CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com") ?? "";
    expect(user.startsWith(organizationalUnitKey("OU=Fin,DC=litwareinc,DC=com") ?? "?")).toBe(false);
  });

  it("ignores case and spaces around separators when normalising", () => {
    expect(normalizeDistinguishedName("cn=Ken Myer, OU = Finance,dc=LitwareInc,DC=com")).toBe(
      "cn=ken myer,ou=finance,dc=litwareinc,dc=com",
    );
  });

  it("has no parent container for a DN of one component", () => {
    expect(parentContainerKey("DC=com")).toBeUndefined();
  });
});
