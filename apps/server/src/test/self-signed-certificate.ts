/**
 * A self-signed certificate and its key, made by openssl for one day, for tests that need a TLS peer (the SMTP
 * server) or a CA nobody trusts (the DC's certificate checks). The certificate is its own CA.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export function makeSelfSignedCertificate(
  subject: string,
  ipAddress?: string,
): { cert: string; key: string } {
  const folder = mkdtempSync(path.join(tmpdir(), "pindesk-certificate-"));
  try {
    execFileSync(
      "openssl",
      [
        ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", subject],
        ...(ipAddress ? ["-addext", `subjectAltName=IP:${ipAddress}`] : []),
        ...["-keyout", path.join(folder, "key.pem"), "-out", path.join(folder, "cert.pem")],
      ],
      { stdio: "ignore" },
    );
    return {
      cert: readFileSync(path.join(folder, "cert.pem"), "utf8"),
      key: readFileSync(path.join(folder, "key.pem"), "utf8"),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
