import { describe, expect, it } from "vitest";
import { escapeHtml, expiryReminder, lockoutNotice, oneLine, pinMessage } from "./mail-templates.ts";

const context = { organization: "Litware, Inc.", dialInUrl: "https://pindesk.litwareinc.com/dialin" };
const ken = { displayName: "Ken Myer", sipAddress: "sip:kenmyer@litwareinc.com" };

describe("escapeHtml and oneLine", () => {
  it("escapes the five HTML characters", () => {
    expect(escapeHtml(`<a href="x">O'Neil & co</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;",
    );
  });

  it("turns every line break and control character into one space", () => {
    expect(oneLine("Ken\r\nBcc: evil@example.com")).toBe("Ken Bcc: evil@example.com");
    expect(oneLine("a\u2028b\u0000c\u007f")).toBe("a b c");
  });
});

describe("pinMessage", () => {
  it("gives the PIN, the organisation and the Dial-in page in both parts", () => {
    const rendered = pinMessage(context, ken, "590631");
    expect(rendered.subject).toBe("Your dial-in conferencing PIN — Litware, Inc.");
    expect(rendered.text).toContain("Your PIN is: 590631");
    expect(rendered.text).toContain("Dial-in Conferencing Settings: https://pindesk.litwareinc.com/dialin");
    expect(rendered.html).toContain("Your PIN is: 590631");
    expect(rendered.html).toContain('<a href="https://pindesk.litwareinc.com/dialin">');
  });

  it("escapes what the directory and configuration hold in the HTML, and keeps line breaks out of the subject", () => {
    const rendered = pinMessage(
      { organization: "Evil <b>Corp</b>\r\nBcc: x@example.com", dialInUrl: 'https://x/"><script>' },
      { displayName: "<img src=x onerror=alert(1)>", sipAddress: "sip:a@b" },
      "590631",
    );
    expect(rendered.html).not.toMatch(/<img|<script|<b>/);
    expect(rendered.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(rendered.subject).not.toMatch(/[\r\n]/);
  });
});

describe("lockoutNotice and expiryReminder", () => {
  it("say for how long the PIN is locked, and never hold a PIN", () => {
    const temporary = lockoutNotice(context, ken, { kind: "temporary", until: "Dec 7, 2026, 9:30 PM" });
    expect(temporary.text).toContain("locked until Dec 7, 2026, 9:30 PM");
    const permanent = lockoutNotice(context, ken, { kind: "permanent" });
    expect(permanent.text).toContain("until an administrator unlocks it");
    expect(permanent.subject).toBe("Your dial-in conferencing PIN is locked — Litware, Inc.");
    for (const part of [temporary.text, permanent.html]) expect(part).not.toMatch(/PIN is: /);
  });

  it("names the expiry date and where to set a new PIN", () => {
    const rendered = expiryReminder(context, ken, "Jan 5, 2027");
    expect(rendered.text).toContain("expires on Jan 5, 2027");
    expect(rendered.text).toContain("https://pindesk.litwareinc.com/dialin");
  });
});
