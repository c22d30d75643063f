import { describe, expect, it } from "vitest";
import { singleSignOnHref } from "./single-sign-on.ts";

describe("singleSignOnHref", () => {
  it("carries the page to return to, escaped, to the server's start path", () => {
    expect(singleSignOnHref("/api/auth/oidc/start", "/users?q=Ken Myer&max=50")).toBe(
      "/api/auth/oidc/start?returnTo=%2Fusers%3Fq%3DKen+Myer%26max%3D50",
    );
  });

  it("uses the API's start path when the status gives none", () => {
    expect(singleSignOnHref(null, "/users")).toBe("/api/auth/oidc/start?returnTo=%2Fusers");
  });
});
