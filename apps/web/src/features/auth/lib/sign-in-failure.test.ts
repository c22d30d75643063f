import { describe, expect, it } from "vitest";
import { ApiError } from "../../../lib/api-client.ts";
import { signInFailureMessage } from "./sign-in-failure.ts";

describe("signInFailureMessage", () => {
  it("says which field is empty, as sentences", () => {
    const error = new ApiError(400, "invalid_request", "The request is not valid.", [
      { path: "body.username", message: "enter your user name" },
      { path: "body.password", message: "enter your password" },
    ]);
    expect(signInFailureMessage(error)).toBe("Enter your user name. Enter your password.");
  });

  it("shows the server's own message for wrong credentials, no role and an unreachable domain", () => {
    for (const [status, code, message] of [
      [401, "wrong_credentials", "The user name or password is incorrect."],
      [403, "no_role", "This account holds no Lync administrator role, so it cannot use PinDesk."],
      [
        503,
        "directory_unavailable",
        "Domain sign-in is not available: the domain controller does not answer. A local PinDesk account can still sign in.",
      ],
    ] as const) {
      expect(signInFailureMessage(new ApiError(status, code, message))).toBe(message);
    }
  });

  it("falls back to a plain sentence for anything that is not an API answer", () => {
    expect(signInFailureMessage(new TypeError("boom"))).toBe("Sign-in failed. Try again.");
  });
});
