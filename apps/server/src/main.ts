/** `npm start`: read the configuration, open and migrate the database, seed the demo directory, listen. */

import { randomInt } from "node:crypto";
import { createApp } from "./app.ts";
import { systemClock } from "./clock.ts";
import { loadConfig } from "./config.ts";
import { createSyncRunner } from "./core/directory/ldap/sync-runner.ts";
import { directoryIsEmpty, seedDemoDirectory } from "./core/directory/seed/demo-directory.ts";
import { createJobRunner } from "./core/jobs/job-runner.ts";
import { createMailSender } from "./core/mail/mail-sender.ts";
import { createMetrics } from "./core/metrics/metrics.ts";
import { createScrape } from "./core/metrics/scrape.ts";
import { createPasswordHasher } from "./crypto/password-hasher.ts";
import { createPinHasher } from "./crypto/pin-hasher.ts";
import { loadPinPepper } from "./crypto/pin-pepper.ts";
import { createPinVault } from "./crypto/pin-vault.ts";
import { openDatabase } from "./db/database.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { createAccountService } from "./features/accounts/account-service.ts";
import { ensureFirstAdministrator } from "./features/accounts/first-administrator.ts";
import { createAuthService } from "./features/auth/auth-service.ts";
import { createDialInAuthService } from "./features/dialin/dialin-auth-service.ts";
import { createMetricsServer } from "./http/metrics-server.ts";
import { createLogger } from "./logger.ts";

const SWEEP_INTERVAL_MS = 10 * 60_000;

const config = loadConfig();
const logger = createLogger(config.logLevel);

const database = await openDatabase(
  config.databaseUrl
    ? { engine: "postgres", url: config.databaseUrl }
    : { engine: "pglite", dataDir: config.dataDir },
  (error) => logger.warn({ err: error }, "a pooled database connection was closed"),
);
await migrateToLatest(database.db);

const pepper = await loadPinPepper(config.pinPepper, config.dataDir);
const pins = createPinHasher(pepper);
const vault = createPinVault(pepper);
// Connected to Active Directory, the directory is the domain's: no demo users beside it.
if (!config.directory && config.seedDemoDirectory && (await directoryIsEmpty(database.db))) {
  const added = await seedDemoDirectory(database.db, pins, systemClock);
  if (added > 0) logger.info({ users: added }, "seeded the Litware Inc. demo directory");
}

// Mail to users (PINDESK_SMTP_*): the outbox's sender, on every replica; the lease keeps them apart.
const mailSender = config.mail
  ? createMailSender({ db: database.db, clock: systemClock, vault, mail: config.mail, logger })
  : undefined;

// The operator's scrape (PINDESK_METRICS_PORT): counted only when asked for, served on its own port below.
const metrics = config.metrics ? createMetrics() : undefined;

const passwords = createPasswordHasher();
const firstAdmin = await ensureFirstAdministrator(
  database.db,
  createAccountService({ db: database.db, clock: systemClock, passwords }),
  config.adminPassword,
);

const app = createApp({
  db: database.db,
  clock: systemClock,
  logger,
  pins,
  vault,
  passwords,
  pinChecksPerMinute: config.pinChecksPerMinute,
  apiTokenRequestsPerMinute: config.apiTokenRequestsPerMinute,
  sessionTimeouts: config.sessionTimeouts,
  trustProxy: config.trustProxy,
  directory: config.directory,
  oidc: config.oidc,
  localSignIn: config.localSignIn,
  dialInHelpContact: config.dialInHelpContact,
  publicOrigins: config.publicOrigins,
  webDistDir: config.webDistDir,
  mail: config.mail && mailSender ? { config: config.mail, sender: mailSender } : undefined,
  metrics,
});
const server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  logger.info({ engine: database.engine, port }, "PinDesk is listening");
  console.log(`\nPinDesk is running at http://${host}:${port}/ (database: ${database.engine})`);
  if (firstAdmin) {
    // Printed once, to the terminal only (not the log): nobody can read this password again.
    const password = firstAdmin.password ?? "the one in PINDESK_ADMIN_PASSWORD";
    console.log(`\nSign in as "${firstAdmin.username}" with password: ${password}`);
    console.log("It is shown only this once. Create named accounts under Console accounts.");
  }
  console.log("");
});

// Bulk work on every user a search matches; any replica may pick up a job another one left.
const jobRunner = createJobRunner({
  db: database.db,
  clock: systemClock,
  pins,
  vault,
  randomInt,
  logger,
  leaseMs: config.jobLeaseMs,
  metrics,
});
jobRunner.start();

// Users from Active Directory: a full pass first, then what changed, every PINDESK_LDAP_SYNC_MINUTES.
const syncRunner = config.directory
  ? createSyncRunner({
      db: database.db,
      clock: systemClock,
      source: config.directory,
      logger,
      tickMs: config.directoryTickMs,
      metrics,
    })
  : undefined;
syncRunner?.start();
mailSender?.start();

// Expired sessions are removed when they are next used; this removes those nobody comes back to.
const auth = createAuthService({
  db: database.db,
  clock: systemClock,
  passwords,
  vault,
  directory: config.directory,
  sessionTimeouts: config.sessionTimeouts,
});
const dialInAuth = createDialInAuthService(
  { db: database.db, clock: systemClock, directory: config.directory },
  config.dialInHelpContact,
);
const metricsServer =
  metrics && config.metrics
    ? createMetricsServer(
        createScrape(metrics, {
          db: database.db,
          clock: systemClock,
          sessionTimeouts: config.sessionTimeouts,
          connections: database.usage,
        }),
        logger,
      )
    : undefined;
if (metricsServer && config.metrics) {
  const { port, host } = config.metrics;
  metricsServer.listen(port, host, () =>
    logger.info({ port, host }, "metrics for the operator's scrape at /metrics"),
  );
}

const sweeper = setInterval(() => {
  auth.sweep().catch((error) => logger.warn({ err: error }, "session sweep failed"));
  dialInAuth.sweep().catch((error) => logger.warn({ err: error }, "dial-in session sweep failed"));
}, SWEEP_INTERVAL_MS);
sweeper.unref();

async function shutdown(signal: string) {
  logger.info({ signal }, "shutting down");
  clearInterval(sweeper);
  await jobRunner.stop();
  await syncRunner?.stop();
  await mailSender?.stop();
  server.close();
  metricsServer?.close();
  await database.close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
