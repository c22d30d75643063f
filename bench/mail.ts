/**
 * Mail throughput (issue 14): a Set PIN job of N users (1 000 by default) by email against the real SMTP
 * server of the tests (STARTTLS, AUTH), beside two baselines from the same run — the same job without email
 * (PINs into the results file), and raw Nodemailer sends of the same number of messages over the same pooled
 * connections. The job and the sending are timed apart: the job hashes PINs (argon2id); the outbox sends.
 */
import { randomBytes, randomInt } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pinMessage } from "@pindesk/domain/mail/mail-templates";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { DEFAULT_SORT } from "@pindesk/domain/users/search-sort";
import { createApp } from "../apps/server/src/app.ts";
import { systemClock } from "../apps/server/src/clock.ts";
import { seedDemoDirectory } from "../apps/server/src/core/directory/seed/demo-directory.ts";
import { seedSyntheticUsers } from "../apps/server/src/core/directory/seed/synthetic-directory.ts";
import { createJobRunner } from "../apps/server/src/core/jobs/job-runner.ts";
import { createMailSender } from "../apps/server/src/core/mail/mail-sender.ts";
import { createMailer } from "../apps/server/src/core/mail/mailer.ts";
import { createPinHasher } from "../apps/server/src/crypto/pin-hasher.ts";
import { createPinVault } from "../apps/server/src/crypto/pin-vault.ts";
import { openDatabase } from "../apps/server/src/db/database.ts";
import { migrateToLatest } from "../apps/server/src/db/migrate.ts";
import { silentLogger } from "../apps/server/src/logger.ts";
import { mailConfigFor, startTestSmtpServer } from "../apps/server/src/test/test-smtp-server.ts";
import { benchAccount, signIn } from "./session.ts";

/** SMTP connections, as the outbox's sender uses by default. */
const CONNECTIONS = 4;
const SYNTHETIC: SearchQuery = {
  mode: "Search",
  searchText: "",
  maxUsers: 200,
  filters: [{ property: "OU", operator: "EqualTo", value: "OU=Synthetic,DC=litwareinc,DC=com" }],
  sort: DEFAULT_SORT,
};

export interface MailBench {
  users: number;
  /** Set PIN job without email: the PINs go to the results file. */
  jobShowSeconds: number;
  /** The same job by email: PINs made, set and queued sealed (nothing sent yet). */
  jobEmailSeconds: number;
  messages: number;
  /** The outbox's sender, from the first claim to the last message recorded as sent. */
  sendSeconds: number;
  messagesPerSecond: number;
  /** From the job's start to the last message sent. */
  endToEndSeconds: number;
  /** Nodemailer alone, the same messages over the same pooled connections, nothing recorded. */
  rawMessagesPerSecond: number;
  connections: number;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

export async function benchMail(users = 1_000, log = console.log): Promise<MailBench> {
  const smtp = await startTestSmtpServer();
  const dataDir = mkdtempSync(path.join(tmpdir(), "pindesk-mail-bench-"));
  const database = await openDatabase({ engine: "pglite", dataDir });
  try {
    const db = database.db;
    await migrateToLatest(db);
    const pepper = randomBytes(32);
    const pins = createPinHasher(pepper);
    const vault = createPinVault(pepper);
    await seedDemoDirectory(db, pins, systemClock);
    await seedSyntheticUsers(db, pins, { count: users, seed: 7 });
    const mail = mailConfigFor(smtp);
    const sender = createMailSender({ db, clock: systemClock, vault, mail, logger: silentLogger });
    const runner = createJobRunner({
      db,
      clock: systemClock,
      pins,
      vault,
      randomInt,
      logger: silentLogger,
    });
    const app = createApp({
      db,
      clock: systemClock,
      logger: silentLogger,
      pins,
      vault,
      mail: { config: mail, sender },
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const client = await signIn(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      await benchAccount(db),
    );

    async function job(delivery: "show" | "email") {
      const started = performance.now();
      const answer = await client.post("/api/jobs/set-pin", { query: SYNTHETIC, delivery });
      if (answer.status !== 202) throw new Error(`starting the job failed: ${JSON.stringify(answer.body)}`);
      await runner.runUntilIdle();
      return seconds(started);
    }

    const jobShowSeconds = await job("show");
    log(`  Set PIN job, ${users} users, PINs to the results file: ${jobShowSeconds.toFixed(1)} s`);
    const before = smtp.mailbox.length;
    const emailStarted = performance.now();
    const jobEmailSeconds = await job("email");
    const sendStarted = performance.now();
    await sender.runUntilIdle();
    const sendSeconds = seconds(sendStarted);
    const endToEndSeconds = seconds(emailStarted);
    const messages = smtp.mailbox.length - before;
    const messagesPerSecond = messages / sendSeconds;
    log(
      `  Set PIN job by email: job ${jobEmailSeconds.toFixed(1)} s, then ${messages} messages in ${sendSeconds.toFixed(1)} s = ${messagesPerSecond.toFixed(0)} messages/s`,
    );

    const mailer = createMailer(mail.settings, CONNECTIONS);
    const message = pinMessage(
      mail.context,
      { displayName: "Ken Myer", sipAddress: "sip:kenmyer@litwareinc.com" },
      "590631",
    );
    const rawStarted = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < messages) {
        next++;
        await mailer.send({ name: "Ken Myer", address: "kenmyer@litwareinc.com" }, message);
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));
    const rawMessagesPerSecond = messages / seconds(rawStarted);
    mailer.close();
    log(
      `  Nodemailer alone, ${messages} messages over ${CONNECTIONS} connections: ${rawMessagesPerSecond.toFixed(0)} messages/s`,
    );

    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    return {
      users,
      jobShowSeconds,
      jobEmailSeconds,
      messages,
      sendSeconds,
      messagesPerSecond,
      endToEndSeconds,
      rawMessagesPerSecond,
      connections: CONNECTIONS,
    };
  } finally {
    await database.close();
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
