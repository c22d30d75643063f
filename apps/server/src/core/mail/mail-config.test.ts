import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mailConfig } from "./mail-config.ts";

const ORIGINS = ["https://pindesk.litwareinc.com"];
const base = {
  PINDESK_SMTP_HOST: "smtp.litwareinc.com",
  PINDESK_MAIL_FROM: "PinDesk <pindesk@litwareinc.com>",
};

describe("mailConfig", () => {
  it("is off without a host", () => {
    expect(mailConfig({}, ORIGINS)).toBeUndefined();
    expect(mailConfig({ PINDESK_SMTP_HOST: "  " }, ORIGINS)).toBeUndefined();
  });

  it("defaults to STARTTLS on 587, and to implicit TLS on 465", () => {
    expect(mailConfig(base, ORIGINS)?.settings).toMatchObject({ port: 587, security: "starttls" });
    expect(mailConfig({ ...base, PINDESK_SMTP_PORT: "465" }, ORIGINS)?.settings).toMatchObject({
      port: 465,
      security: "tls",
    });
    expect(mailConfig({ ...base, PINDESK_SMTP_SECURITY: "tls" }, ORIGINS)?.settings.port).toBe(465);
  });

  it("reads the from address, the organisation and the Dial-in page from the public URL", () => {
    const config = mailConfig({ ...base, PINDESK_ORGANIZATION_NAME: "Litware, Inc." }, ORIGINS);
    expect(config?.settings.from).toEqual({ name: "PinDesk", address: "pindesk@litwareinc.com" });
    expect(config?.context).toEqual({
      organization: "Litware, Inc.",
      dialInUrl: "https://pindesk.litwareinc.com/dialin",
    });
    expect(
      mailConfig({ ...base, PINDESK_MAIL_FROM: "noreply@litwareinc.com" }, ORIGINS)?.settings.from,
    ).toEqual({
      name: "PinDesk",
      address: "noreply@litwareinc.com",
    });
  });

  it("reads the password from a file, without its final line break", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "pindesk-mail-")), "password");
    writeFileSync(file, "s3cret\n");
    const config = mailConfig(
      { ...base, PINDESK_SMTP_USER: "pindesk", PINDESK_SMTP_PASSWORD_FILE: file },
      ORIGINS,
    );
    expect(config?.settings.auth).toEqual({ user: "pindesk", password: "s3cret" });
  });

  it("names what is missing or wrong", () => {
    expect(() => mailConfig({ PINDESK_SMTP_HOST: "smtp" }, ORIGINS)).toThrow(
      /needs? .*PINDESK_MAIL_FROM|PINDESK_MAIL_FROM/,
    );
    expect(() => mailConfig(base, [])).toThrow(/PINDESK_PUBLIC_URL/);
    expect(() => mailConfig({ ...base, PINDESK_MAIL_FROM: "not an address" }, ORIGINS)).toThrow(
      /PINDESK_MAIL_FROM/,
    );
    expect(() => mailConfig({ ...base, PINDESK_SMTP_PASSWORD: "x" }, ORIGINS)).toThrow(/PINDESK_SMTP_USER/);
    expect(() => mailConfig({ ...base, PINDESK_SMTP_SECURITY: "ssl" }, ORIGINS)).toThrow(
      /PINDESK_SMTP_SECURITY/,
    );
    expect(() => mailConfig({ ...base, PINDESK_SMTP_PORT: "70000" }, ORIGINS)).toThrow(/PINDESK_SMTP_PORT/);
  });
});
