/**
 * The DC's LDAPS certificate. Samba's self-made one names only the DC's host name (LITWARE-DC.litwareinc.com),
 * which does not resolve here, so a client that connects to 127.0.0.1 and checks the name — Node's tls,
 * OpenLDAP's ldapsearch — refuses it. We write our own before the first start, at the paths Samba reads
 * (private/tls/{ca,cert,key}.pem; it generates its own only when key.pem is missing): a CA and a server
 * certificate for 127.0.0.1, ::1 and localhost (and PINDESK_DC_ADDRESS when set), so clients verify the chain and the name as in production.
 * Making both takes about half a second.
 */
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DC_ADDRESS } from "./dc-config.ts";
import { runCommand } from "./run-command.ts";

const DAYS = "3650";

export async function writeTlsCertificates(tlsFolder: string): Promise<void> {
  mkdirSync(tlsFolder, { recursive: true });
  const file = (name: string) => path.join(tlsFolder, name);
  await runCommand("openssl", [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    DAYS,
    "-subj",
    "/O=PinDesk development/CN=PinDesk development DC CA",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
    "-keyout",
    file("ca.key"),
    "-out",
    file("ca.pem"),
  ]);
  await runCommand("openssl", [
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-subj",
    "/O=PinDesk development/CN=localhost",
    "-keyout",
    file("key.pem"),
    "-out",
    file("cert.csr"),
  ]);
  writeFileSync(
    file("cert.ext"),
    [
      `subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost${DC_ADDRESS === "127.0.0.1" ? "" : `,IP:${DC_ADDRESS}`}`,
      "basicConstraints=critical,CA:FALSE",
      "keyUsage=critical,digitalSignature,keyEncipherment",
      "extendedKeyUsage=serverAuth",
    ].join("\n"),
  );
  await runCommand("openssl", [
    "x509",
    "-req",
    "-in",
    file("cert.csr"),
    "-CA",
    file("ca.pem"),
    "-CAkey",
    file("ca.key"),
    "-CAcreateserial",
    "-days",
    DAYS,
    "-extfile",
    file("cert.ext"),
    "-out",
    file("cert.pem"),
  ]);
  // Nothing else will ever be signed: the CA key goes. Samba refuses a key file others can read.
  for (const leftover of ["ca.key", "ca.srl", "cert.csr", "cert.ext"])
    rmSync(file(leftover), { force: true });
  chmodSync(file("key.pem"), 0o600);
}
