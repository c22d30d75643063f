/**
 * Runs the browser tests' SMTP peer until Playwright stops it: `npx tsx e2e/support/smtp-peer-server.ts`.
 * The real SMTP server of the API tests on SMTP_PORT, its certificate written to SMTP_CA_FILE for the console
 * server to trust, and GET /messages on SMTP_LISTING_PORT answering what it received (recipients, subject,
 * plain text) for the specs to read.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { startTestSmtpServer } from "../../apps/server/src/test/test-smtp-server.ts";
import { SMTP_CA_FILE, SMTP_LISTING_PORT, SMTP_PORT } from "./smtp-settings.ts";

const smtp = await startTestSmtpServer(SMTP_PORT);
mkdirSync(path.dirname(SMTP_CA_FILE), { recursive: true });
writeFileSync(SMTP_CA_FILE, smtp.ca);

const listing = createServer((req, res) => {
  if (req.url !== "/messages") {
    res.writeHead(404).end();
    return;
  }
  const messages = smtp.mailbox.map((m) => ({
    to: m.envelopeTo,
    subject: m.parsed.subject ?? "",
    text: m.parsed.text ?? "",
  }));
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(messages));
});
await new Promise<void>((resolve) => listing.listen(SMTP_LISTING_PORT, "127.0.0.1", resolve));
console.log(
  `Test SMTP peer on 127.0.0.1:${SMTP_PORT}, its messages at http://127.0.0.1:${SMTP_LISTING_PORT}/messages`,
);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void smtp.close().then(() => process.exit(0)));
