/** Response headers: a nonce-based content security policy, helmet's defaults, and no x-powered-by. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { CSP_NONCE_PLACEHOLDER } from "./spa.ts";

describe("security headers", () => {
  let app: TestApp;
  const dist = mkdtempSync(path.join(tmpdir(), "pindesk-spa-"));
  beforeAll(async () => {
    writeFileSync(
      path.join(dist, "index.html"),
      `<meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}"><script nonce="${CSP_NONCE_PLACEHOLDER}" src="/a.js"></script>`,
    );
    writeFileSync(
      path.join(dist, "dialin.html"),
      `<title>Dial-in</title><script nonce="${CSP_NONCE_PLACEHOLDER}" src="/d.js"></script>`,
    );
    writeFileSync(path.join(dist, "a.js"), "console.log(1)");
    app = await startTestApp("pglite", { webDistDir: dist });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("serves the Dial-in Conferencing Settings page for /dialin and below it, the console elsewhere", async () => {
    for (const [path_, page] of [
      ["/dialin", "dialin"],
      ["/dialin/", "dialin"],
      ["/dialin/sign-in", "dialin"],
      ["/dialin.html", "dialin"],
      ["/dialing", "console"],
      ["/index.html", "console"],
    ] as const) {
      const response = await fetch(`${app.baseUrl}${path_}`);
      const html = await response.text();
      expect(html.includes("<title>Dial-in</title>"), path_).toBe(page === "dialin");
      expect(html, path_).not.toContain(CSP_NONCE_PLACEHOLDER);
    }
  });

  it("serves each page with a fresh nonce that the policy names", async () => {
    const pages = await Promise.all([fetch(`${app.baseUrl}/users`), fetch(`${app.baseUrl}/audit?x=1`)]);
    const nonces = [];
    for (const page of pages) {
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).not.toContain(CSP_NONCE_PLACEHOLDER);
      const nonce = /nonce="([^"]+)"/.exec(html)?.[1] ?? "";
      const policy = page.headers.get("content-security-policy") ?? "";
      expect(policy).toContain(`script-src 'self' 'nonce-${nonce}'`);
      expect(policy).toContain(`style-src 'self' 'nonce-${nonce}'`);
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain("unsafe-inline");
      expect(page.headers.get("cache-control")).toBe("no-cache");
      nonces.push(nonce);
    }
    expect(nonces[0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("sets helmet's headers, no x-powered-by, and no caching of API answers", async () => {
    const response = await fetch(`${app.baseUrl}/api/auth/me`);
    expect(response.headers.get("x-powered-by")).toBeNull();
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    // Framing is forbidden once, by the policy's frame-ancestors; HSTS means nothing over plain HTTP.
    expect(response.headers.get("x-frame-options")).toBeNull();
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("server-timing")).toMatch(/^app;dur=\d+\.\d{2}$/);
  });

  it("sends HSTS over HTTPS only (here behind a proxy that says so)", async () => {
    const behindProxy = await startTestApp("pglite", { trustProxy: true });
    try {
      const secure = await fetch(`${behindProxy.baseUrl}/api/auth/me`, {
        headers: { "x-forwarded-proto": "https" },
      });
      expect(secure.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
      const plain = await fetch(`${behindProxy.baseUrl}/api/auth/me`);
      expect(plain.headers.get("strict-transport-security")).toBeNull();
    } finally {
      await behindProxy.close();
    }
  });

  it("serves built assets as files, not as the page", async () => {
    const asset = await fetch(`${app.baseUrl}/a.js`);
    expect(await asset.text()).toBe("console.log(1)");
  });
});
