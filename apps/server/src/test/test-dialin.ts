/**
 * End users for the Dial-in Conferencing Settings page's tests: the real app connected to the test DC,
 * with users of an OU of the test's own synced into PinDesk (a real sync pass, by objectGUID), and clients
 * that sign them in at /api/dialin as a browser would.
 */
import type { DialInPage } from "@pindesk/domain/dial-in/dial-in-page";
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { SYSTEM_ACTOR } from "../core/caller.ts";
import { runSyncPass } from "../core/directory/ldap/directory-sync.ts";
import type { Engine } from "../db/database.ts";
import { HttpClient } from "./http-client.ts";
import { startTestApp, type TestAppOptions } from "./test-app.ts";
import {
  ensureTestDomain,
  type TestUser,
  testDirectorySource,
  testOrganizationalUnit,
  USER_PASSWORD,
} from "./test-directory.ts";

export async function startDialInTestApp(engine: Engine, label: string, options: TestAppOptions = {}) {
  const facts = await ensureTestDomain();
  const ad = await testOrganizationalUnit(facts, label);
  // Only the OU's users are synced: the shared DC may hold tens of thousands.
  const source = testDirectorySource(facts, { baseDns: [ad.ou] });
  const app = await startTestApp(engine, { directory: source, ...options });

  /** Adds users to AD (with their office, a place a region may be) and syncs them; answers their UPNs. */
  async function addUsers(...users: (TestUser & { office?: string })[]): Promise<string[]> {
    for (const user of users) {
      const dn = await ad.addUser(user);
      if (user.office) await ad.set(dn, "physicalDeliveryOfficeName", [user.office]);
    }
    await runSyncPass({
      db: app.db,
      clock: app.clock,
      source,
      actor: SYSTEM_ACTOR,
      trigger: "test",
      full: true,
    });
    return users.map((user) => `${user.sam.slice(0, 20)}@${facts.realm.toLowerCase()}`);
  }

  /** A browser on the dial-in page: signed in when the answer is 200, with the session's CSRF token. */
  async function dialIn(username: string, password = USER_PASSWORD) {
    const client = new HttpClient(app.baseUrl);
    const response = await client.post<DialInPage & ApiErrorBody>("/api/dialin/sign-in", {
      username,
      password,
    });
    if (response.status === 200) client.csrfToken = response.body.csrfToken;
    return { client, response };
  }

  return {
    app,
    ad,
    facts,
    addUsers,
    dialIn,
    async close() {
      await ad.cleanUp();
      await app.close();
    },
  };
}

export type DialInTestApp = Awaited<ReturnType<typeof startDialInTestApp>>;
