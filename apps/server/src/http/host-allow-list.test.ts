/**
 * DNS rebinding (issue 11): a request for a host name that is not PinDesk's own is refused with 421, even
 * when its Origin matches its Host; the panel's own addresses and the health probes still answer.
 */
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.ts";

/** A raw request with the Host header chosen by the test (fetch would set its own). */
function send(app: TestApp, path: string, headers: Record<string, string>, method = "GET", body?: string) {
  const { port } = new URL(app.baseUrl);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method, headers }, (res) => {
      let text = "";
      res.on("data", (chunk) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("the Host allow-list", () => {
  let app: TestApp;
  let port: string;
  beforeAll(async () => {
    app = await startTestApp("pglite", {
      trustProxy: true,
      publicOrigins: ["https://pindesk.litwareinc.com"],
    });
    port = new URL(app.baseUrl).port;
  });
  afterAll(() => app?.close());

  it("refuses a rebinding page's sign-in, whose Origin matches its Host, with 421", async () => {
    const response = await send(
      app,
      "/api/auth/sign-in",
      { host: "evil.example", origin: "http://evil.example", "content-type": "application/json" },
      "POST",
      JSON.stringify({ username: "admin", password: "x" }),
    );
    expect(response.status).toBe(421);
    expect(JSON.parse(response.body).error.code).toBe("misdirected_request");
  });

  it("refuses other hosts on API routes and pages alike, and addresses that are not the server's", async () => {
    expect((await send(app, "/api/auth/me", { host: `evil.example:${port}` })).status).toBe(421);
    const page = await send(app, "/users", { host: "evil.example" });
    expect(page.status).toBe(421);
    expect(page.body).toContain("PINDESK_PUBLIC_URL");
    expect((await send(app, "/api/auth/me", { host: `10.9.9.9:${port}` })).status).toBe(421);
    expect((await send(app, "/api/auth/me", { host: "pindesk.litwareinc.com" })).status).toBe(421);
  });

  it("answers its own addresses: the listening address, loopback names, and PINDESK_PUBLIC_URL", async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, "localhost:5173"]) {
      expect((await send(app, "/api/auth/me", { host })).status, host).toBe(401);
    }
    const proxied = { host: "pindesk.litwareinc.com", "x-forwarded-proto": "https" };
    expect((await send(app, "/api/auth/me", proxied)).status).toBe(401);
  });

  it("answers health probes whatever the host", async () => {
    expect((await send(app, "/healthz", { host: "10.1.2.3" })).status).toBe(200);
  });
});
