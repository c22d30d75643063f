/**
 * Builds the Express app from its dependencies, so tests run the real app in-process on port 0 against a
 * database of their choosing, with a clock they control.
 */
import { randomInt } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { DEFAULT_SESSION_TIMEOUTS, type SessionTimeouts } from "@pindesk/domain/auth/session-rules";
import { DEFAULT_HELP_CONTACT } from "@pindesk/domain/dial-in/dial-in-page";
import express, { type Express, type RequestHandler } from "express";
import type { Kysely } from "kysely";
import { pinoHttp } from "pino-http";
import type { Clock } from "./clock.ts";
import type { CoreDependencies } from "./core/dependencies.ts";
import type { DirectorySource } from "./core/directory/ldap/directory-source.ts";
import type { MailDelivery } from "./core/mail/mail-sender.ts";
import type { Metrics } from "./core/metrics/metrics.ts";
import type { OidcSettings } from "./core/oidc/oidc-settings.ts";
import { createRelyingParty } from "./core/oidc/relying-party.ts";
import { createPasswordHasher, type PasswordHasher } from "./crypto/password-hasher.ts";
import type { PinHasher } from "./crypto/pin-hasher.ts";
import type { PinVault } from "./crypto/pin-vault.ts";
import type { Database } from "./db/schema.ts";
import { createAccountService } from "./features/accounts/account-service.ts";
import { accountRoutes } from "./features/accounts/routes.ts";
import { apiTokenLoader } from "./features/api-tokens/api-token-middleware.ts";
import { createApiTokenService } from "./features/api-tokens/api-token-service.ts";
import { apiTokenRoutes } from "./features/api-tokens/routes.ts";
import { createAuditService } from "./features/audit/audit-service.ts";
import { auditRoutes } from "./features/audit/routes.ts";
import { createAuthService } from "./features/auth/auth-service.ts";
import { browserSessions } from "./features/auth/browser-sessions.ts";
import { authRoutes } from "./features/auth/routes.ts";
import { sessionLoader } from "./features/auth/session-middleware.ts";
import { createAccessNumberService } from "./features/dial-in-numbers/access-number-service.ts";
import { dialInNumberRoutes } from "./features/dial-in-numbers/routes.ts";
import { createDialInAuthService } from "./features/dialin/dialin-auth-service.ts";
import { createDialInPageService } from "./features/dialin/dialin-page-service.ts";
import { dialInSessionLoader } from "./features/dialin/dialin-session-middleware.ts";
import { dialInSsoSessions } from "./features/dialin/dialin-sso-sessions.ts";
import { dialInRoutes } from "./features/dialin/routes.ts";
import { createDirectoryService } from "./features/directory/directory-service.ts";
import { directoryRoutes } from "./features/directory/routes.ts";
import { healthRouter } from "./features/health/router.ts";
import { createJobService } from "./features/jobs/job-service.ts";
import { jobRoutes } from "./features/jobs/routes.ts";
import { createMailService } from "./features/mail/mail-service.ts";
import { mailRoutes } from "./features/mail/routes.ts";
import { createOidcService } from "./features/oidc/oidc-service.ts";
import { oidcRoutes } from "./features/oidc/routes.ts";
import { createPinPolicyService } from "./features/pin-policies/pin-policy-service.ts";
import { pinPolicyRoutes } from "./features/pin-policies/routes.ts";
import { createPinServices } from "./features/pins/pin-services.ts";
import { pinRoutes } from "./features/pins/routes.ts";
import { savedQueryRoutes } from "./features/saved-queries/routes.ts";
import { createSavedQueryService } from "./features/saved-queries/saved-query-service.ts";
import { serviceKeyRoutes } from "./features/service-keys/routes.ts";
import { serviceKeyLoader } from "./features/service-keys/service-key-middleware.ts";
import { createServiceKeyService } from "./features/service-keys/service-key-service.ts";
import { usersRoutes } from "./features/users/routes.ts";
import { createUsersService } from "./features/users/service.ts";
import { apiNotFound, errorHandler, JSON_BODY_LIMIT } from "./http/errors.ts";
import { hostAllowList } from "./http/host-allow-list.ts";
import { openApiRoute } from "./http/openapi.ts";
import { requestMetrics } from "./http/request-metrics.ts";
import { mountRoutes, type RouteDefinition } from "./http/routes.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { serverTiming } from "./http/server-timing.ts";
import { spaRouter } from "./http/spa.ts";
import type { Logger } from "./logger.ts";

export interface AppDependencies {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  /** PIN hashing, keyed with the pepper from outside the database. */
  pins: PinHasher;
  /** Seals a job's generated PINs until they are downloaded (a key derived from the same pepper). */
  vault: PinVault;
  passwords?: PasswordHasher;
  /** PIN checks one service key may ask for per minute. */
  pinChecksPerMinute?: number;
  /** Requests one API token may make per minute (PINDESK_API_TOKEN_REQUESTS_PER_MINUTE). */
  apiTokenRequestsPerMinute?: number;
  sessionTimeouts?: SessionTimeouts;
  /** Active Directory, when connected: domain sign-in, and the Directory page's sync. */
  directory?: DirectorySource | undefined;
  /** The identity provider, when single sign-on is on (PINDESK_OIDC_*). */
  oidc?: OidcSettings | undefined;
  /** Whether the user-name-and-password form signs in (PINDESK_LOCAL_SIGN_IN); true unless set off. */
  localSignIn?: boolean;
  /** Whom the Dial-in Conferencing Settings page tells users to contact (PINDESK_DIALIN_HELP_CONTACT). */
  dialInHelpContact?: string;
  /** The origins people reach the panel at (PINDESK_PUBLIC_URL); the listening address is always one. */
  publicOrigins?: readonly string[];
  /** Express's "trust proxy": which proxies' X-Forwarded-* headers to believe (client address, HTTPS). */
  trustProxy?: boolean | number | string;
  /** Mail to users through SMTP (PINDESK_SMTP_*), when configured: its settings and the outbox's sender. */
  mail?: MailDelivery | undefined;
  /** The built SPA, served with history fallback; absent in development and API tests. */
  webDistDir?: string | undefined;
  /**
   * What the operator's scrape reads (PINDESK_METRICS_PORT, served on its own port by main.ts); absent, nothing
   * is counted. One registry per app, so each test starts from zero.
   */
  metrics?: Metrics | undefined;
}

/** Answers to API requests are personal and change with every action: no cache may keep them. */
const noStore: RequestHandler = (_req, res, next) => {
  res.set("Cache-Control", "no-store");
  next();
};

export function createApp(deps: AppDependencies): Express {
  const { db, clock, logger, webDistDir } = deps;
  const core: CoreDependencies = {
    db,
    clock,
    pins: deps.pins,
    vault: deps.vault,
    passwords: deps.passwords ?? createPasswordHasher(),
    randomInt,
    sessionTimeouts: deps.sessionTimeouts ?? DEFAULT_SESSION_TIMEOUTS,
    directory: deps.directory,
    oidc: deps.oidc ? createRelyingParty(deps.oidc) : undefined,
    localSignIn: deps.localSignIn ?? true,
    mail: deps.mail,
    metrics: deps.metrics,
  };
  // Also read by the middleware before the routes: who is signed in, which bridge is calling.
  const auth = createAuthService(core);
  const serviceKeys = createServiceKeyService(core);
  const apiTokens = createApiTokenService(core);
  const helpContact = deps.dialInHelpContact ?? DEFAULT_HELP_CONTACT;
  const dialInAuth = createDialInAuthService(core, helpContact);

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.trustProxy ?? false);
  if (deps.metrics) app.use(requestMetrics(deps.metrics.http));
  app.use(
    pinoHttp({
      logger,
      // Method, path and status are enough to follow a request; headers carry cookies and bodies PINs.
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(hostAllowList(deps.publicOrigins ?? []));
  app.use(serverTiming);
  app.use(securityHeaders());
  app.use(healthRouter(db));

  const routes: RouteDefinition[] = [
    ...authRoutes(auth),
    ...oidcRoutes(createOidcService(core), browserSessions(auth), dialInSsoSessions(dialInAuth)),
    ...usersRoutes(createUsersService(core)),
    ...accountRoutes(createAccountService(core)),
    ...auditRoutes(createAuditService(core)),
    ...pinPolicyRoutes(createPinPolicyService(core)),
    ...dialInNumberRoutes(createAccessNumberService(core)),
    ...pinRoutes(createPinServices(core)),
    ...serviceKeyRoutes(serviceKeys),
    ...apiTokenRoutes(apiTokens),
    ...savedQueryRoutes(createSavedQueryService(core)),
    ...jobRoutes(createJobService(core)),
    ...mailRoutes(createMailService(core)),
    ...directoryRoutes(createDirectoryService(core)),
    ...dialInRoutes(dialInAuth, createDialInPageService(core, helpContact), helpContact),
    openApiRoute(() => routes),
  ];
  const api = express.Router();
  api.use(noStore);
  // The largest bodies the schemas allow: 10 000 user ids of up to ten digits (~110 KB), or 100 identities of
  // 1 024 characters, escaped (up to ~600 KB). The schemas then refuse anything past their counts and lengths.
  api.use(express.json({ limit: JSON_BODY_LIMIT }));
  api.use(sessionLoader(auth));
  api.use(apiTokenLoader(apiTokens, clock, deps.apiTokenRequestsPerMinute ?? 600));
  api.use("/dialin", dialInSessionLoader(dialInAuth));
  api.use(serviceKeyLoader(serviceKeys.keys, clock, deps.pinChecksPerMinute ?? 600));
  mountRoutes(api, routes);
  api.use(apiNotFound);
  app.use("/api", api);
  // The route table, for the permission-matrix test and the API description.
  app.locals.apiRoutes = routes;
  app.locals.apiRouter = api;

  // The metrics are the operator's, on their own port (decision 0029): here /metrics is no page of the SPA.
  app.all("/metrics", (_req, res) => {
    res.status(404).json({ error: { code: "not_found", message: "Not found" } });
  });
  if (webDistDir && existsSync(path.join(webDistDir, "index.html"))) app.use(spaRouter(webDistDir));

  app.use(errorHandler(logger));
  return app;
}
