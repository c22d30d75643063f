/**
 * The permission matrix, route by route: for each of Lync's 11 roles (as a browser session and as a script's
 * API token, docs/decisions/0025), for an end user signed in to the
 * Dial-in Conferencing Settings page (a real domain user of the test DC) and for no session, every API route
 * is called and must be allowed or refused exactly as packages/domain's matrix says — an end user reaches the
 * dial-in routes only, and no console session reaches those (docs/decisions/0022). Requests carry bodies
 * that fail validation and ids that do not exist, so an allowed call changes nothing.
 */
import { hasPermission } from "@pindesk/domain/auth/permissions";
import { CS_ROLES, type CsRole } from "@pindesk/domain/auth/roles";
import type { Router } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpClient } from "../test/http-client.ts";
import type { TestApp } from "../test/test-app.ts";
import { type DialInTestApp, startDialInTestApp } from "../test/test-dialin.ts";
import { type Access, isAccessGuard, type RouteDefinition } from "./routes.ts";

interface Layer {
  route?: { path: string; methods: Record<string, boolean>; stack: { handle: unknown }[] };
  handle?: { stack?: Layer[] };
}

/** Every route mounted on the API router (and routers inside it), however it was mounted. */
function mountedRoutes(router: Router): { path: string; method: string; guarded: boolean }[] {
  const found: { path: string; method: string; guarded: boolean }[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          found.push({
            path: layer.route.path,
            method,
            guarded: isAccessGuard(layer.route.stack[0]?.handle),
          });
        }
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((router as unknown as { stack: Layer[] }).stack);
  return found;
}

/** Who calls: a console session's roles, an end user's dial-in session, or nobody. */
type Subject = CsRole[] | "endUser" | null;

/**
 * A session is never a service key: bridge routes refuse every session and none alike (401). A dial-in
 * session is not a console session and the other way round: each is "not signed in" (401) to the other's routes.
 */
const allowed = (access: Access, subject: Subject): boolean => {
  if (access === "public") return true;
  if (access === "serviceKey" || subject === null) return false;
  if (access === "endUser" || subject === "endUser") return access === subject;
  return access === "signedIn" || hasPermission(subject, access);
};
const refusal = (access: Access, subject: Subject) =>
  subject === null || subject === "endUser" || access === "serviceKey" || access === "endUser" ? 401 : 403;

const concretePath = (path: string) => `/api${path.replace(/:[A-Za-z]+/g, "999999")}`;

describe("every API route is gated by the permission matrix", () => {
  let dialIn: DialInTestApp;
  let app: TestApp;
  let endUser: HttpClient;
  const clients = new Map<CsRole, HttpClient>();
  // A script's API token for each role: bearer calls, no cookie, no Origin, no CSRF token (decision 0025).
  const scripts = new Map<CsRole, HttpClient>();
  beforeAll(async () => {
    dialIn = await startDialInTestApp("pglite", "matrix");
    app = dialIn.app;
    for (const role of CS_ROLES) clients.set(role, await app.signedIn([role]));
    for (const role of CS_ROLES) scripts.set(role, app.script(await app.apiToken([role])));
    const [name = ""] = await dialIn.addUsers({
      sam: dialIn.ad.sam("enduser"),
      displayName: "Matrix End User",
    });
    const signedIn = await dialIn.dialIn(name);
    expect(signedIn.response.status).toBe(200);
    endUser = signedIn.client;
  }, 120_000);
  afterAll(() => dialIn?.close());

  it("mounts no route without an access check, and every route in the table", () => {
    const mounted = mountedRoutes(app.apiRouter);
    expect(mounted.filter((route) => !route.guarded)).toEqual([]);
    expect(mounted.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      app.routes.map((r: RouteDefinition) => `${r.method} ${r.path}`).sort(),
    );
  });

  it("answers each route for each role and for no session exactly as the matrix says", async () => {
    let calls = 0;
    for (const route of app.routes) {
      // Sign-out ends the session it is called with (tested below).
      if (route.path === "/auth/sign-out" || route.path === "/dialin/sign-out") continue;
      const subjects: [string, Subject, HttpClient][] = [
        ["no session", null, app.anonymous()],
        ["an end user", "endUser", endUser],
        ...CS_ROLES.map((role): [string, CsRole[], HttpClient] => [
          role,
          [role],
          clients.get(role) as HttpClient,
        ]),
        ...CS_ROLES.map((role): [string, CsRole[], HttpClient] => [
          `an API token of ${role}`,
          [role],
          scripts.get(role) as HttpClient,
        ]),
      ];
      for (const [name, subject, client] of subjects) {
        const body = route.method === "get" ? undefined : { matrixProbe: true };
        const response = await client.request(route.method.toUpperCase(), concretePath(route.path), body);
        calls++;
        const label = `${route.method.toUpperCase()} ${route.path} as ${name}: ${response.status} ${JSON.stringify(response.body)}`;
        // A script sends no Origin: a public route that changes something (sign-in) is a browser's only.
        if (client.apiToken && route.access === "public" && route.method !== "get") {
          expect(response.status, label).toBe(403);
          expect(JSON.stringify(response.body), label).toContain("cross_origin");
          continue;
        }
        // Allowed: past the guard, answered (a probe's bad body or unknown id refused), never a crash.
        if (allowed(route.access, subject)) {
          expect([401, 403], label).not.toContain(response.status);
          expect(response.status, label).toBeLessThan(500);
        } else expect(response.status, label).toBe(refusal(route.access, subject));
      }
    }
    // Printed for the closing note: the size of the matrix this test walks.
    const subjects = 2 + 2 * CS_ROLES.length;
    console.log(`access matrix: ${calls} calls (${calls / subjects} routes × ${subjects} subjects)`);
    expect(calls).toBeGreaterThanOrEqual(subjects * 10);
  });

  it("lets every role with a session sign out, and refuses sign-out without one", async () => {
    for (const role of CS_ROLES) {
      const client = await app.signedIn([role]);
      expect((await client.post("/api/auth/sign-out")).status).toBe(204);
    }
    expect((await app.anonymous().post("/api/auth/sign-out")).status).toBe(401);
    // Neither kind of session signs the other out.
    expect((await endUser.post("/api/auth/sign-out")).status).toBe(401);
    expect((await app.administrator.post("/api/dialin/sign-out")).status).toBe(401);
    expect((await endUser.post("/api/dialin/sign-out")).status).toBe(204);
    expect((await endUser.get("/api/dialin/me")).status).toBe(401);
  });
});
