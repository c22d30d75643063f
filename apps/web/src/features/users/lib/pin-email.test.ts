import { describe, expect, it } from "vitest";
import { pinEmailHref } from "./pin-email.ts";

describe("pinEmailHref", () => {
  it("addresses the user's SIP address without sip:, with the PIN in the body", () => {
    const href = pinEmailHref({
      userId: 1,
      displayName: "Ken Myer",
      identity: "SIP:ken@litwareinc.com",
      outcome: "Done",
      message: "",
      pin: "482913",
    });
    const url = new URL(href);
    expect(url.protocol).toBe("mailto:");
    expect(url.pathname).toBe("ken@litwareinc.com");
    expect(url.searchParams.get("subject")).toBe("Your dial-in conferencing PIN");
    expect(url.searchParams.get("body")).toMatch(
      /^Hello Ken Myer,\n\nYour new dial-in conferencing PIN is 482913\.\n/,
    );
  });
});
