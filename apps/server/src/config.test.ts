/** The single sign-on settings read from the environment: all or nothing, checked at start. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

const SSO = {
  PINDESK_PUBLIC_URL: "https://pindesk.litwareinc.com, https://pindesk.internal:8443",
  PINDESK_OIDC_ISSUER: "https://login.microsoftonline.com/833ced3d-cb2e-41de-92f1-29e2af035ddc/v2.0",
  PINDESK_OIDC_CLIENT_ID: "e18c04b1-4868-4b93-93d1-8d71f17ab99b",
  PINDESK_OIDC_CLIENT_SECRET: "a secret",
};

describe("single sign-on configuration", () => {
  it("is off without PINDESK_OIDC_ISSUER, and the password form on", () => {
    const config = loadConfig({});
    expect(config.oidc).toBeUndefined();
    expect(config.localSignIn).toBe(true);
  });

  it("reads the provider with its defaults, the redirect URI from the first public origin", () => {
    const { oidc } = loadConfig(SSO);
    expect(oidc).toMatchObject({
      issuer: SSO.PINDESK_OIDC_ISSUER,
      clientId: SSO.PINDESK_OIDC_CLIENT_ID,
      clientAuth: { kind: "secret", secret: "a secret" },
      scopes: "openid profile email",
      displayName: "your organisation",
      rolesClaim: "groups",
      requireMfa: { kind: "off" },
      idTokenAlgorithms: ["RS256", "PS256", "ES256"],
      publicOrigin: "https://pindesk.litwareinc.com",
    });
    expect(oidc?.roleMap.get("CsHelpDesk")).toEqual(new Set(["cshelpdesk"]));
  });

  it("reads the role map, claim, MFA requirement, algorithms, display name and a secret file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pindesk-config-"));
    try {
      const secretFile = path.join(dir, "secret");
      writeFileSync(secretFile, "from a file\n");
      const { oidc, localSignIn } = loadConfig({
        ...SSO,
        PINDESK_OIDC_CLIENT_SECRET: undefined,
        PINDESK_OIDC_CLIENT_SECRET_FILE: secretFile,
        PINDESK_OIDC_DISPLAY_NAME: "Contoso",
        PINDESK_OIDC_ROLES_CLAIM: "roles",
        PINDESK_OIDC_ROLE_MAP: "CsHelpDesk=3b2b0c93-acd8-4208-8eba-7a48db1cd4c0",
        PINDESK_OIDC_REQUIRE_MFA: "amr:mfa",
        PINDESK_OIDC_ID_TOKEN_ALGORITHMS: "RS256",
        PINDESK_OIDC_SCOPES: "openid profile",
        PINDESK_LOCAL_SIGN_IN: "false",
      });
      expect(localSignIn).toBe(false);
      expect(oidc).toMatchObject({
        clientAuth: { kind: "secret", secret: "from a file" },
        displayName: "Contoso",
        rolesClaim: "roles",
        requireMfa: { kind: "amr", value: "mfa" },
        idTokenAlgorithms: ["RS256"],
        scopes: "openid profile",
      });
      expect([...(oidc?.roleMap.keys() ?? [])]).toEqual(["CsHelpDesk"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses to start with an issuer but no client, credential or public URL, or two credentials", () => {
    expect(() => loadConfig({ PINDESK_OIDC_ISSUER: SSO.PINDESK_OIDC_ISSUER })).toThrow(
      "these are needed too: PINDESK_OIDC_CLIENT_ID, PINDESK_OIDC_CLIENT_SECRET, PINDESK_OIDC_CLIENT_SECRET_FILE or PINDESK_OIDC_CLIENT_KEY_FILE, PINDESK_PUBLIC_URL (the redirect URI is made from it)",
    );
    expect(() => loadConfig({ ...SSO, PINDESK_PUBLIC_URL: undefined })).toThrow("PINDESK_PUBLIC_URL");
    expect(() => loadConfig({ ...SSO, PINDESK_OIDC_CLIENT_KEY_FILE: "/etc/pindesk/key.pem" })).toThrow(
      "give one client credential",
    );
  });

  it("refuses a bad role map, MFA requirement, algorithm or issuer, naming the variable", () => {
    expect(() => loadConfig({ ...SSO, PINDESK_OIDC_ROLE_MAP: "HelpDesk=x" })).toThrow(
      'PINDESK_OIDC_ROLE_MAP: "HelpDesk" is not a Cs role',
    );
    expect(() => loadConfig({ ...SSO, PINDESK_OIDC_REQUIRE_MFA: "yes" })).toThrow(
      "PINDESK_OIDC_REQUIRE_MFA:",
    );
    expect(() => loadConfig({ ...SSO, PINDESK_OIDC_ID_TOKEN_ALGORITHMS: "HS256" })).toThrow(
      "PINDESK_OIDC_ID_TOKEN_ALGORITHMS: HS256",
    );
    expect(() => loadConfig({ ...SSO, PINDESK_OIDC_ISSUER: "http://idp.litwareinc.com" })).toThrow(
      "PINDESK_OIDC_ISSUER: must be an https:// URL",
    );
  });

  it("refuses to turn the password form off when there is no single sign-on to sign in with", () => {
    expect(() => loadConfig({ PINDESK_LOCAL_SIGN_IN: "false" })).toThrow("nobody could sign in");
  });
});

describe("mail configuration", () => {
  it("is off without PINDESK_SMTP_HOST, and on with the public URL's Dial-in page", () => {
    expect(loadConfig({}).mail).toBeUndefined();
    const { mail } = loadConfig({
      PINDESK_PUBLIC_URL: "https://pindesk.litwareinc.com",
      PINDESK_SMTP_HOST: "smtp.litwareinc.com",
      PINDESK_MAIL_FROM: "pindesk@litwareinc.com",
    });
    expect(mail?.settings).toMatchObject({ host: "smtp.litwareinc.com", port: 587, security: "starttls" });
    expect(mail?.context.dialInUrl).toBe("https://pindesk.litwareinc.com/dialin");
  });
});

describe("metrics configuration", () => {
  it("is off without PINDESK_METRICS_PORT (or with it empty), and on 127.0.0.1 when only the port is given", () => {
    expect(loadConfig({}).metrics).toBeUndefined();
    expect(loadConfig({ PINDESK_METRICS_PORT: "" }).metrics).toBeUndefined();
    expect(loadConfig({ PINDESK_METRICS_PORT: "9464" }).metrics).toEqual({ port: 9464, host: "127.0.0.1" });
    expect(loadConfig({ PINDESK_METRICS_PORT: "9464", PINDESK_METRICS_HOST: "10.0.0.5" }).metrics).toEqual({
      port: 9464,
      host: "10.0.0.5",
    });
  });

  it("refuses a port that is no port, the panel's own port, or a host without a port, naming the variable", () => {
    for (const port of ["abc", "0", "70000", "94.5"])
      expect(() => loadConfig({ PINDESK_METRICS_PORT: port }), port).toThrow(
        "PINDESK_METRICS_PORT: must be a port number (1-65535)",
      );
    expect(() => loadConfig({ PORT: "9000", PINDESK_METRICS_PORT: "9000" })).toThrow(
      "PINDESK_METRICS_PORT: must differ from PORT (9000)",
    );
    expect(() => loadConfig({ PINDESK_METRICS_HOST: "0.0.0.0" })).toThrow(
      "PINDESK_METRICS_HOST is set but PINDESK_METRICS_PORT is not",
    );
  });
});
