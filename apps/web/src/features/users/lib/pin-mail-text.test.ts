import { describe, expect, it } from "vitest";
import { pinMailText } from "./pin-mail-text.ts";

describe("pinMailText (Set PIN's result for a PIN sent by email)", () => {
  const to = "kenmyer@litwareinc.com";
  it("says where a sent PIN went", () => {
    expect(pinMailText({ to, state: "sent", reason: null, nextAttemptAt: null })).toBe(
      "The PIN was sent to kenmyer@litwareinc.com",
    );
  });
  it("says why a PIN is not sent yet and that PinDesk tries again", () => {
    expect(
      pinMailText({ to, state: "waiting", reason: "The SMTP server cannot be reached", nextAttemptAt: null }),
    ).toBe("Not sent to kenmyer@litwareinc.com yet (The SMTP server cannot be reached); PinDesk tries again");
    expect(pinMailText({ to, state: "waiting", reason: "x", nextAttemptAt: "2026-12-07T09:01:00Z" })).toMatch(
      /tries again at .+/,
    );
  });
  it("says why a PIN was not delivered", () => {
    expect(
      pinMailText({
        to,
        state: "failed",
        reason: "The SMTP server refused the recipient (550)",
        nextAttemptAt: null,
      }),
    ).toBe("Not sent to kenmyer@litwareinc.com: The SMTP server refused the recipient (550)");
  });
});
