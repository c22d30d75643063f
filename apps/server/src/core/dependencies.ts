/**
 * What the services below the routes are built from. app.ts makes one of these; each service takes the
 * whole of it and uses what it needs, so every feature is wired the same way: `xRoutes(createXService(core))`.
 */
import type { SessionTimeouts } from "@pindesk/domain/auth/session-rules";
import type { RandomInt } from "@pindesk/domain/pins/pin-generation";
import type { Kysely } from "kysely";
import type { Clock } from "../clock.ts";
import type { PasswordHasher } from "../crypto/password-hasher.ts";
import type { PinHasher } from "../crypto/pin-hasher.ts";
import type { PinVault } from "../crypto/pin-vault.ts";
import type { Database } from "../db/schema.ts";
import type { DirectorySource } from "./directory/ldap/directory-source.ts";
import type { MailDelivery } from "./mail/mail-sender.ts";
import type { Metrics } from "./metrics/metrics.ts";
import type { RelyingParty } from "./oidc/relying-party.ts";

export interface CoreDependencies {
  db: Kysely<Database>;
  clock: Clock;
  /** PIN hashing, keyed with the pepper from outside the database. */
  pins: PinHasher;
  /** Seals a job's generated PINs until they are downloaded. */
  vault: PinVault;
  passwords: PasswordHasher;
  /** The source of generated PINs (node:crypto's randomInt; tests pass their own). */
  randomInt: RandomInt;
  sessionTimeouts: SessionTimeouts;
  /** Active Directory, when PinDesk is connected to it (PINDESK_LDAP_URL): users synced, domain sign-in. */
  directory?: DirectorySource | undefined;
  /**
   * Single sign-on, when an identity provider is configured (PINDESK_OIDC_ISSUER): one relying party per
   * app, so sign-in and sign-out share the provider's discovered metadata.
   */
  oidc?: RelyingParty | undefined;
  /** Whether sign-in with a user name and password (local and domain accounts) is on; true unless set off. */
  localSignIn?: boolean;
  /** Mail to users through SMTP (PINDESK_SMTP_*), when configured: its settings and the outbox's sender. */
  mail?: MailDelivery | undefined;
  /** The operator's metrics (PINDESK_METRICS_PORT); absent, nothing is counted. */
  metrics?: Metrics | undefined;
}
