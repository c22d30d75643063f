/** What the PIN policy tests expect of the Litware demo directory, derived from its data, not retyped. */
import type { PinPolicy, PinPolicyList } from "@pindesk/domain/pins/pin-policy-api";
import { DEMO_POOLS, DEMO_USERS, type DemoUser } from "../../core/directory/seed/demo-directory-data.ts";
import type { TestApp } from "../../test/test-app.ts";

export const demoUsers = (where: (user: DemoUser) => boolean) => DEMO_USERS.filter(where).length;

export const siteOf = (user: DemoUser) => DEMO_POOLS.find((pool) => pool.fqdn === user.pool)?.site ?? null;

export const displayNameOf = (user: DemoUser) => user.displayName ?? `${user.firstName} ${user.lastName}`;

export async function listPolicies(app: TestApp) {
  const response = await app.get<PinPolicyList>("/api/pin-policies");
  if (response.status !== 200) throw new Error(`listing PIN policies answered ${response.status}`);
  return response.body;
}

export async function policyNamed(app: TestApp, identity: string): Promise<PinPolicy> {
  const found = (await listPolicies(app)).policies.find((policy) => policy.identity === identity);
  if (!found) throw new Error(`no PIN policy ${identity}`);
  return found;
}

export const auditRows = (app: TestApp, action: string) =>
  app.db.selectFrom("audit_events").selectAll().where("action", "=", action).orderBy("id").execute();
