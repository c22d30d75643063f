import { describe, expect, it } from "vitest";
import {
  SSO_ERROR_CODES,
  SSO_ERROR_MESSAGES,
  safeReturnPath,
  signInPageWithError,
  ssoErrorMessage,
} from "./single-sign-on.ts";

describe("safeReturnPath", () => {
  it("keeps a path of PinDesk, with its query", () => {
    expect(safeReturnPath("/users")).toBe("/users");
    expect(safeReturnPath("/users?q=Ken&filter=Department:EqualTo:Finance")).toBe(
      "/users?q=Ken&filter=Department:EqualTo:Finance",
    );
  });

  it("turns anything that could leave PinDesk, loop to sign-in or is not a string into /", () => {
    for (const value of [
      undefined,
      42,
      ["/users"],
      "",
      "users",
      "https://evil.example/",
      "//evil.example/",
      "/\\evil.example/",
      "/\t/evil.example",
      "/\n/evil.example",
      "/sign-in",
      "/sign-in?sso_error=no_role",
      `/${"a".repeat(2048)}`,
    ]) {
      expect(safeReturnPath(value), JSON.stringify(value)).toBe("/");
    }
    expect(safeReturnPath("/sign-inside")).toBe("/sign-inside");
  });
});

describe("single sign-on refusals", () => {
  it("have a sentence each, and a general one for a code the page does not know", () => {
    for (const code of SSO_ERROR_CODES) {
      expect(ssoErrorMessage(code)).toBe(SSO_ERROR_MESSAGES[code]);
      expect(SSO_ERROR_MESSAGES[code]).toMatch(/^[A-Z].*\.$/);
    }
    expect(ssoErrorMessage("toString")).toBe("Single sign-on failed. Start again with the sign-in button.");
    expect(signInPageWithError("no_role")).toBe("/sign-in?sso_error=no_role");
  });
});
