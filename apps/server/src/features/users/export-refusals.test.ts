/** Export to CSV refuses as every route does: a JSON error with a stable code, never a broken download. */
import type { ApiErrorBody } from "@pindesk/domain/http/api-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpClient } from "../../test/http-client.ts";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

describe.each(TEST_ENGINES)("Export to CSV refusals on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app?.close());

  const download = async (params: string, client: HttpClient = app.administrator) => {
    const response = await client.get<ApiErrorBody>(`/api/users/export.csv?${params}`);
    if (response.status !== 200) expect(response.headers.get("content-disposition")).toBeNull();
    return response;
  };

  it("refuses parameters that are no search with a JSON 400", async () => {
    const max = await download("max=0");
    expect(max.status).toBe(400);
    expect(max.body).toEqual({
      error: {
        code: "invalid_request",
        message: "query: maxUsers: must be at least 1",
        details: [{ path: "query", message: "maxUsers: must be at least 1" }],
      },
    });
    expect((await download("max=10001")).status).toBe(400);
    expect((await download("filter=ShoeSize:EqualTo:9")).body.error.message).toBe(
      'query: filters.0.property: unknown property "ShoeSize"',
    );
    expect((await download("filter=Enabled:EqualTo:maybe")).body.error.message).toBe(
      'query: filters.0.value: Enabled for Lync Server takes True or False, not "maybe"',
    );
  });

  it("refuses an LDAP filter it cannot run, naming the ldap parameter and the position", async () => {
    const response = await download(`mode=LdapSearch&ldap=${encodeURIComponent("(l=Redmond")}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: {
        code: "invalid_ldap_filter",
        message: 'Missing ")" at position 10',
        details: [{ path: "query.ldap", message: 'Missing ")" at position 10', position: 10 }],
      },
    });
    const nul = await download(`mode=LdapSearch&ldap=${encodeURIComponent("(sn=Ack\\00)")}`);
    expect(nul.body.error.details?.[0]).toMatchObject({ path: "query.ldap", position: 7 });
  });

  it("is for roles with users:read only", async () => {
    const archiving = await download("", await app.signedIn(["CsArchivingAdministrator"]));
    expect(archiving.status).toBe(403);
    expect(archiving.body.error.code).toBe("forbidden");
    expect((await download("", app.anonymous())).status).toBe(401);
    expect((await download("", await app.signedIn(["CsHelpDesk"]))).status).toBe(200);
  });
});
