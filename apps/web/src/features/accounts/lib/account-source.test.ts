import { describe, expect, it } from "vitest";
import { externallyOwnedReason, SOURCE_LABELS } from "./account-source.ts";

describe("externallyOwnedReason", () => {
  it("leaves a local account's roles and password to PinDesk", () => {
    expect(externallyOwnedReason({ source: "local" }, "roles")).toBeUndefined();
    expect(externallyOwnedReason({ source: "local" }, "resetPassword")).toBeUndefined();
  });

  it("says where a domain account's roles and password come from", () => {
    expect(externallyOwnedReason({ source: "domain" }, "roles")).toBe(
      "Its roles come from its Active Directory groups.",
    );
    expect(externallyOwnedReason({ source: "domain" }, "resetPassword")).toBe(
      "Its password is its domain password.",
    );
  });

  it("says a single sign-on account's roles are the identity provider's, and it has no password here", () => {
    expect(externallyOwnedReason({ source: "oidc" }, "roles")).toMatch(/identity provider's groups/);
    expect(externallyOwnedReason({ source: "oidc" }, "resetPassword")).toMatch(/holds no password/);
  });
});

describe("SOURCE_LABELS", () => {
  it("names local accounts as the break-glass ones", () => {
    expect(SOURCE_LABELS).toEqual({ local: "Local (break-glass)", domain: "Domain", oidc: "Single sign-on" });
  });
});
