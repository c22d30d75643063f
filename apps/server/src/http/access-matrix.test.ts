/**
 * The permission matrix, route by route: for each of Lync's 11 roles and for no session, every API route is
 * called and must be allowed or refused exactly as packages/domain's matrix says. Requests carry bodies
 * that fail validation and ids that do not exist, so an allowed call changes nothing.
 */
import { hasPermission } from "@pindesk/domain/auth/permissions";
import { CS_ROLES, type CsRole } from "@pindesk/domain/auth/roles";
import type { Router } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpClient } from "../test/http-client.ts";
import { startTestApp, type TestApp } from "../test/test-app.ts";
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

/** A session is never a service key: bridge routes refuse every session and none alike (401). */
const allowed = (access: Access, roles: CsRole[] | null): boolean => {
  if (access === "public") return true;
  if (access === "serviceKey") return false;
  if (roles === null) return false;
  return access === "signedIn" || hasPermission(roles, access);
};

const concretePath = (path: string) => `/api${path.replace(/:[A-Za-z]+/g, "999999")}`;

describe("every API route is gated by the permission matrix", () => {
  let app: TestApp;
  const clients = new Map<CsRole, HttpClient>();
  beforeAll(async () => {
    app = await startTestApp("pglite");
    for (const role of CS_ROLES) clients.set(role, await app.signedIn([role]));
  });
  afterAll(() => app?.close());

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
      if (route.path === "/auth/sign-out") continue;
      const subjects: [string, CsRole[] | null, HttpClient][] = [
        ["no session", null, app.anonymous()],
        ...CS_ROLES.map((role): [string, CsRole[], HttpClient] => [
          role,
          [role],
          clients.get(role) as HttpClient,
        ]),
      ];
      for (const [name, roles, client] of subjects) {
        const body = route.method === "get" ? undefined : { matrixProbe: true };
        const response = await client.request(route.method.toUpperCase(), concretePath(route.path), body);
        calls++;
        const label = `${route.method.toUpperCase()} ${route.path} as ${name}: ${response.status} ${JSON.stringify(response.body)}`;
        // Allowed: past the guard, answered (a probe's bad body or unknown id refused), never a crash.
        if (allowed(route.access, roles)) {
          expect([401, 403], label).not.toContain(response.status);
          expect(response.status, label).toBeLessThan(500);
        } else
          expect(response.status, label).toBe(roles === null || route.access === "serviceKey" ? 401 : 403);
      }
    }
    // Printed for the closing note: the size of the matrix this test walks.
    console.log(`access matrix: ${calls} calls (${calls / 12} routes × 12 subjects)`);
    expect(calls).toBeGreaterThanOrEqual(12 * 10);
  });

  it("lets every role with a session sign out, and refuses sign-out without one", async () => {
    for (const role of CS_ROLES) {
      const client = await app.signedIn([role]);
      expect((await client.post("/api/auth/sign-out")).status).toBe(204);
    }
    expect((await app.anonymous().post("/api/auth/sign-out")).status).toBe(401);
  });
});
