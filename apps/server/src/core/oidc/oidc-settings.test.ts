import { execFileSync } from "node:child_process";
import { createHash, generateKeyPairSync, X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_ID_TOKEN_ALGORITHMS,
  parseAlgorithms,
  parseIssuer,
  parseScopes,
  postLogoutRedirectUriOf,
  readClientKey,
  redirectUriOf,
} from "./oidc-settings.ts";

describe("the identity provider's settings", () => {
  it("derives the redirect and post-logout URIs from PinDesk's public origin", () => {
    const settings = { publicOrigin: "https://pindesk.litwareinc.com" };
    expect(redirectUriOf(settings)).toBe("https://pindesk.litwareinc.com/api/auth/oidc/callback");
    expect(postLogoutRedirectUriOf(settings)).toBe("https://pindesk.litwareinc.com/sign-in");
  });

  it("takes an https issuer as written, and plain http only on loopback", () => {
    const entra = "https://login.microsoftonline.com/833ced3d-cb2e-41de-92f1-29e2af035ddc/v2.0";
    expect(parseIssuer(` ${entra} `)).toBe(entra);
    expect(parseIssuer("http://127.0.0.1:8443")).toBe("http://127.0.0.1:8443");
    expect(parseIssuer("http://localhost:8080/realms/litware")).toBe("http://localhost:8080/realms/litware");
    expect(() => parseIssuer("http://keycloak.litwareinc.com/realms/litware")).toThrow(
      "must be an https:// URL",
    );
    expect(() => parseIssuer("litwareinc.okta.com")).toThrow("is not a URL");
    expect(() => parseIssuer("https://idp.example/?tenant=x")).toThrow("no query or fragment");
  });

  it("allows asymmetric ID token algorithms only (RS256, PS256, ES256 by default)", () => {
    expect(parseAlgorithms(undefined)).toEqual(DEFAULT_ID_TOKEN_ALGORITHMS);
    expect(DEFAULT_ID_TOKEN_ALGORITHMS).toEqual(["RS256", "PS256", "ES256"]);
    expect(parseAlgorithms(" RS256, ES384 ,EdDSA")).toEqual(["RS256", "ES384", "EdDSA"]);
    expect(() => parseAlgorithms("RS256,HS256")).toThrow("HS256 cannot sign ID tokens here");
    expect(() => parseAlgorithms("none")).toThrow("none cannot sign ID tokens here");
  });

  it("always asks for the openid scope", () => {
    expect(parseScopes(undefined)).toBe("openid profile email");
    expect(parseScopes("profile  groups")).toBe("openid profile groups");
    expect(parseScopes("openid email")).toBe("openid email");
  });
});

describe("the client key (private_key_jwt)", () => {
  it("reads an RSA key as RS256 and a P-256 key as ES256, from PEM or JWK (keeping its kid)", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    expect(readClientKey(rsa.export({ format: "pem", type: "pkcs8" }).toString())).toMatchObject({
      alg: "RS256",
      jwk: { kty: "RSA" },
    });
    expect(readClientKey(rsa.export({ format: "pem", type: "pkcs1" }).toString()).alg).toBe("RS256");
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
    const jwk = JSON.stringify({ ...ec.export({ format: "jwk" }), kid: "pindesk-2026" });
    expect(readClientKey(jwk)).toMatchObject({ alg: "ES256", kid: "pindesk-2026", jwk: { kty: "EC" } });
  });

  it("refuses what is not a private RSA or P-256 key", () => {
    const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" });
    expect(() => readClientKey(p384.privateKey.export({ format: "pem", type: "pkcs8" }).toString())).toThrow(
      "must be an RSA or a P-256 key",
    );
    expect(() => readClientKey(p384.publicKey.export({ format: "pem", type: "spki" }).toString())).toThrow(
      "holds no PEM private key",
    );
    expect(() => readClientKey('{"kty":"EC"}')).toThrow("not a private key");
  });

  it("sends the thumbprints of a certificate filed with the key (x5t, x5t#S256), as Entra ID wants", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pindesk-key-"));
    try {
      const [key, cert] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
      execFileSync(
        "openssl",
        [
          "req",
          "-x509",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-keyout",
          key,
          "-out",
          cert,
          "-days",
          "2",
          "-subj",
          "/CN=PinDesk",
        ],
        { stdio: "ignore" },
      );
      const certificate = new X509Certificate(readFileSync(cert));
      const read = readClientKey(`${readFileSync(key, "utf8")}\n${readFileSync(cert, "utf8")}`);
      expect(read.x5t).toBe(createHash("sha1").update(certificate.raw).digest("base64url"));
      expect(read.x5tS256).toBe(createHash("sha256").update(certificate.raw).digest("base64url"));
      // SHA-1 thumbprint as the Azure portal shows it, in hex.
      expect(
        Buffer.from(read.x5t ?? "", "base64url")
          .toString("hex")
          .toUpperCase(),
      ).toBe(certificate.fingerprint.replaceAll(":", ""));
      const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
      expect(() =>
        readClientKey(`${other.export({ format: "pem", type: "pkcs8" })}\n${readFileSync(cert, "utf8")}`),
      ).toThrow("the certificate is not the key's");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
