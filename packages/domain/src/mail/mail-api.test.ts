import { describe, expect, it } from "vitest";
import { mailStatusText } from "./mail-api.ts";

describe("mailStatusText (a job's results file, Email column)", () => {
  const to = "kenmyer@litwareinc.com";
  it("says sent, waiting with the reason, or failed with the reason", () => {
    expect(mailStatusText({ to, state: "sent", reason: null })).toBe(`Sent to ${to}`);
    expect(mailStatusText({ to, state: "waiting", reason: "The SMTP server cannot be reached" })).toBe(
      "Waiting to retry: The SMTP server cannot be reached",
    );
    expect(
      mailStatusText({ to, state: "failed", reason: "The SMTP server refused the recipient (550)" }),
    ).toBe("Failed: The SMTP server refused the recipient (550)");
  });
  it("says nothing for a user no message was queued for", () => {
    expect(mailStatusText(undefined)).toBe("");
  });
});
