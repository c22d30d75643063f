/**
 * The real app, in-process on port 0, over a migrated test database holding the demo directory, with a
 * clock the test moves. Requests go over real HTTP. `app.get`/`app.post` act as a signed-in CsAdministrator;
 * `app.signedIn(roles)` gives a client for any other set of roles, `app.anonymous()` one with no session.
 */

import { randomInt } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { CreateApiTokenRequest, CreatedApiToken } from "@pindesk/domain/auth/api-tokens";
import { DEFAULT_ROLE_MAP } from "@pindesk/domain/auth/role-claims";
import type { CsRole } from "@pindesk/domain/auth/roles";
import { DEFAULT_SESSION_TIMEOUTS } from "@pindesk/domain/auth/session-rules";
import type { Router } from "express";
import { createApp } from "../app.ts";
import { fixedClock } from "../clock.ts";
import { SYSTEM_ACTOR } from "../core/caller.ts";
import type { DirectorySource } from "../core/directory/ldap/directory-source.ts";
import { createJobRunner } from "../core/jobs/job-runner.ts";
import type { MailConfig } from "../core/mail/mail-config.ts";
import { createMailSender } from "../core/mail/mail-sender.ts";
import { createMetrics } from "../core/metrics/metrics.ts";
import { createScrape } from "../core/metrics/scrape.ts";
import { DEFAULT_ID_TOKEN_ALGORITHMS, type OidcSettings } from "../core/oidc/oidc-settings.ts";
import { createServiceKeyStore } from "../core/service-keys/service-key-store.ts";
import { createPasswordHasher, type PasswordHasher } from "../crypto/password-hasher.ts";
import { createPinHasher, type PinHasher } from "../crypto/pin-hasher.ts";
import { createPinVault } from "../crypto/pin-vault.ts";
import type { Engine } from "../db/database.ts";
import { createAccountService } from "../features/accounts/account-service.ts";
import { createMetricsServer } from "../http/metrics-server.ts";
import type { RouteDefinition } from "../http/routes.ts";
import { type Logger, silentLogger } from "../logger.ts";
import { HttpClient } from "./http-client.ts";
import { TEST_PEPPER, TEST_START } from "./test-constants.ts";
import { openTestDatabase } from "./test-database.ts";

export type { TestResponse } from "./http-client.ts";

export { TEST_PEPPER, TEST_START } from "./test-constants.ts";
export const TEST_PASSWORD = "correct horse battery staple";

export interface TestAppOptions {
  trustProxy?: boolean | number | string;
  /** Active Directory (the test DC), for domain sign-in and sync. */
  directory?: DirectorySource;
  /** PINDESK_PUBLIC_URL's origins. */
  publicOrigins?: string[];
  /** A hasher to watch (how many verifications a sign-in spends). */
  passwords?: PasswordHasher;
  webDistDir?: string;
  pinChecksPerMinute?: number;
  apiTokenRequestsPerMinute?: number;
  /** Where the app's logs go (the secrecy test reads them); silent otherwise. */
  logger?: Logger;
  /** PIN hashing other than the test pepper at today's parameters (the rehash test). */
  pins?: PinHasher;
  /**
   * Single sign-on (test/test-identity-provider.ts): the provider and client; the rest defaults (scopes,
   * `groups` claim, role names as group names, no MFA), and PINDESK_PUBLIC_URL is the app's own address.
   */
  oidc?: Pick<OidcSettings, "issuer" | "clientId" | "clientAuth"> & Partial<OidcSettings>;
  /** PINDESK_LOCAL_SIGN_IN=false: the user-name-and-password form is off. */
  localSignIn?: boolean;
  /** Mail to users through a real SMTP server (test/test-smtp-server.ts); off when absent. */
  mail?: MailConfig;
  /** PINDESK_DIALIN_HELP_CONTACT. */
  dialInHelpContact?: string;
  /** The operator's metrics on a port of their own (PINDESK_METRICS_PORT), a fresh registry; off when absent. */
  metrics?: boolean;
}

/** An app's single sign-on settings from a test's: the defaults config.ts would give, and its own origin. */
const ssoSettings = (oidc: NonNullable<TestAppOptions["oidc"]>, baseUrl: string): OidcSettings => ({
  scopes: "openid profile email",
  displayName: "Litware Test IdP",
  rolesClaim: "groups",
  roleMap: DEFAULT_ROLE_MAP,
  requireMfa: { kind: "off" },
  idTokenAlgorithms: DEFAULT_ID_TOKEN_ALGORITHMS,
  publicOrigin: baseUrl,
  ...oidc,
});

export async function startTestApp(engine: Engine, options: TestAppOptions = {}) {
  const database = await openTestDatabase(engine);
  const clock = fixedClock(TEST_START);
  const passwords = options.passwords ?? createPasswordHasher();
  const accounts = createAccountService({ db: database.db, clock, passwords });
  const pins = options.pins ?? createPinHasher(TEST_PEPPER);
  const vault = createPinVault(TEST_PEPPER);
  const metrics = options.metrics ? createMetrics() : undefined;
  const jobRunner = createJobRunner({
    metrics,
    db: database.db,
    clock,
    pins,
    vault,
    randomInt,
    logger: options.logger ?? silentLogger,
    chunkSize: 40,
    setPinChunkSize: 10,
  });
  const mailSender = options.mail
    ? createMailSender({
        db: database.db,
        clock,
        vault,
        mail: options.mail,
        logger: options.logger ?? silentLogger,
      })
    : undefined;
  // Listening first, so the app may know its own address (single sign-on's redirect URI is made from it).
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app = createApp({
    db: database.db,
    clock,
    logger: options.logger ?? silentLogger,
    pins,
    vault,
    pinChecksPerMinute: options.pinChecksPerMinute,
    apiTokenRequestsPerMinute: options.apiTokenRequestsPerMinute,
    passwords,
    trustProxy: options.trustProxy,
    publicOrigins: options.publicOrigins ?? (options.oidc ? [baseUrl] : undefined),
    directory: options.directory,
    oidc: options.oidc ? ssoSettings(options.oidc, baseUrl) : undefined,
    ...(options.localSignIn === undefined ? {} : { localSignIn: options.localSignIn }),
    webDistDir: options.webDistDir,
    mail: options.mail && mailSender ? { config: options.mail, sender: mailSender } : undefined,
    dialInHelpContact: options.dialInHelpContact,
    metrics,
  });
  server.on("request", app);
  const metricsServer =
    metrics &&
    createMetricsServer(
      createScrape(metrics, {
        db: database.db,
        clock,
        sessionTimeouts: DEFAULT_SESSION_TIMEOUTS,
        connections: database.usage,
      }),
      options.logger ?? silentLogger,
    );
  if (metricsServer) await new Promise<void>((resolve) => metricsServer.listen(0, "127.0.0.1", resolve));
  let accountNumber = 0;

  /** Creates a console account with these roles and the test password; answers its user name. */
  async function createAccount(roles: CsRole[], username = `account${++accountNumber}`): Promise<string> {
    const caller = { actor: SYSTEM_ACTOR, accountId: null, clientAddress: null };
    // The create request needs a role; an account with none is made with one and then stripped of it.
    await accounts.create(
      caller,
      { username, displayName: username, roles: roles.length ? roles : ["CsHelpDesk"] },
      TEST_PASSWORD,
    );
    if (roles.length === 0) {
      const created = (await accounts.list()).find((account) => account.username === username);
      if (created) await accounts.setRoles(caller, created.id, []);
    }
    return username;
  }

  async function signedIn(roles: CsRole[]): Promise<HttpClient> {
    const client = new HttpClient(baseUrl);
    const response = await client.signIn(await createAccount(roles), TEST_PASSWORD);
    if (response.status !== 200) throw new Error(`sign-in as ${roles.join("+")} failed: ${response.status}`);
    return client;
  }

  /**
   * An API token of a new account holding `roles`, made through the API as the My API tokens page makes
   * one (`limit`: the token's own subset of roles, its name and expiry).
   */
  async function apiToken(roles: CsRole[], limit: Partial<CreateApiTokenRequest> = {}): Promise<string> {
    const holder = await signedIn(roles);
    const made = await holder.post<CreatedApiToken>("/api/api-tokens", { name: "test script", ...limit });
    if (made.status !== 201)
      throw new Error(`no API token for ${roles.join("+")}: ${JSON.stringify(made.body)}`);
    return made.body.token;
  }

  const accountIdOf = async (client: HttpClient) =>
    (await accounts.list()).find((account) => account.username === client.username)?.id ?? 0;

  /** A dial-in bridge's client: real HTTP with a new service key as its bearer token. */
  async function bridge(name = `bridge${++accountNumber}`) {
    const { key } = await createServiceKeyStore(database.db).create(name, SYSTEM_ACTOR, clock.now());
    const client = new HttpClient(baseUrl);
    const check = (body: object) =>
      client.post<{ result: string }>("/api/pin-auth", body, {
        headers: { authorization: `Bearer ${key}`, origin: "" },
      });
    return { key, client, check };
  }

  // With the form turned off nobody signs in with a password: tests sign in through the provider.
  const administrator =
    options.localSignIn === false ? new HttpClient(baseUrl) : await signedIn(["CsAdministrator"]);

  return {
    db: database.db,
    clock,
    baseUrl,
    routes: app.locals.apiRoutes as RouteDefinition[],
    /** The metrics port's address (`options.metrics`), as an operator's Prometheus would scrape it. */
    metricsUrl: metricsServer && `http://127.0.0.1:${(metricsServer.address() as AddressInfo).port}/metrics`,
    apiRouter: app.locals.apiRouter as Router,
    expressApp: app,
    accounts,
    createAccount,
    signedIn,
    accountIdOf,
    bridge,
    apiToken,
    /** A script's client: every request with `Authorization: Bearer <token>`, no cookie, no Origin. */
    script: (token: string) => new HttpClient(baseUrl, token),
    jobRunner,
    /** Runs queued jobs to their end, as a replica's background runner would. */
    runJobs: () => jobRunner.runUntilIdle(),
    mailSender,
    /** Queues the reminders due and sends every message due, as a replica's mail sender would. */
    async runMail() {
      await mailSender?.sweepReminders();
      await mailSender?.runUntilIdle();
    },
    anonymous: () => new HttpClient(baseUrl),
    administrator,
    /** After the test clock has moved past a session timeout: sign the default administrator in again. */
    async signInAgain() {
      await administrator.signIn(administrator.username ?? "", TEST_PASSWORD);
    },
    get: administrator.get,
    post: administrator.post,
    put: administrator.put,
    postRaw: administrator.postRaw,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      if (metricsServer) await new Promise((resolve) => metricsServer.close(resolve));
      await database.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
