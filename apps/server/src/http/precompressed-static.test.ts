/**
 * The built SPA's files over real HTTP: the build's brotli or gzip copy by what the client accepts, the file
 * itself otherwise, a year's immutable caching for hashed assets and revalidation for everything else
 * (docs/decisions/0028-bundle-and-compression.md). Raw bytes (node:http): fetch would undo the encoding.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { acceptedEncodings, IMMUTABLE, REVALIDATE } from "./precompressed-static.ts";
import { CSP_NONCE_PLACEHOLDER } from "./spa.ts";

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(
  baseUrl: string,
  urlPath: string,
  acceptEncoding?: string,
  method = "GET",
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding };
    const req = request(`${baseUrl}${urlPath}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

const CHROME = "gzip, deflate, br, zstd";
const SCRIPT = `export const greeting = ${JSON.stringify("Dial-in conferencing ".repeat(200))};\n`;
const STYLE = `.page { color: red; }\n`.repeat(100);

describe("the built SPA's files, precompressed", () => {
  let app: TestApp;
  const dist = mkdtempSync(path.join(tmpdir(), "pindesk-precompressed-"));
  const file = (name: string, content: string | Buffer) => writeFileSync(path.join(dist, name), content);
  beforeAll(async () => {
    mkdirSync(path.join(dist, "assets"));
    mkdirSync(path.join(dist, ".vite"));
    file("index.html", `<script nonce="${CSP_NONCE_PLACEHOLDER}" src="/assets/index-Ab12.js"></script>`);
    file("dialin.html", `<script nonce="${CSP_NONCE_PLACEHOLDER}" src="/assets/dialin-Cd34.js"></script>`);
    file(".vite/manifest.json", "{}");
    // Both copies, each told apart from the file by a marker so a test sees which one came.
    file("assets/index-Ab12.js", SCRIPT);
    file("assets/index-Ab12.js.br", brotliCompressSync(`${SCRIPT}// br`));
    file("assets/index-Ab12.js.gz", gzipSync(`${SCRIPT}// gz`));
    // Only gzip: the build leaves out a copy that would not be smaller.
    file("assets/global-Ef56.css", STYLE);
    file("assets/global-Ef56.css.gz", gzipSync(STYLE));
    // No copy at all.
    file("assets/tiny-Gh78.js", "1");
    file("favicon.svg", "<svg/>");
    file("favicon.svg.br", brotliCompressSync("<svg/>"));
    app = await startTestApp("pglite", { webDistDir: dist });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("sends the brotli copy to a browser that accepts it, cached for a year", async () => {
    const response = await get(app.baseUrl, "/assets/index-Ab12.js", CHROME);
    expect(response.status).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(response.headers.vary).toBe("Accept-Encoding");
    expect(response.headers["cache-control"]).toBe(IMMUTABLE);
    expect(brotliDecompressSync(response.body).toString()).toBe(`${SCRIPT}// br`);
    expect(Number(response.headers["content-length"])).toBe(response.body.length);
  });

  it("sends the gzip copy when brotli is not accepted, or refused with q=0", async () => {
    for (const accept of ["gzip, deflate", "br;q=0, gzip", "*;q=0.5, br;q=0"]) {
      const response = await get(app.baseUrl, "/assets/index-Ab12.js", accept);
      expect(response.headers["content-encoding"], accept).toBe("gzip");
      expect(response.headers.vary, accept).toBe("Accept-Encoding");
      expect(gunzipSync(response.body).toString(), accept).toBe(`${SCRIPT}// gz`);
    }
  });

  it("sends the file itself to a client that accepts neither, still saying it varies", async () => {
    for (const accept of [undefined, "identity", "deflate", "gzip;q=0, br;q=0"]) {
      const response = await get(app.baseUrl, "/assets/index-Ab12.js", accept);
      expect(response.headers["content-encoding"], accept).toBeUndefined();
      expect(response.headers.vary, accept).toBe("Accept-Encoding");
      expect(response.headers["cache-control"], accept).toBe(IMMUTABLE);
      expect(response.body.toString(), accept).toBe(SCRIPT);
    }
  });

  it("falls back to gzip where the build wrote no brotli copy, and to the file where it wrote none", async () => {
    const style = await get(app.baseUrl, "/assets/global-Ef56.css", CHROME);
    expect(style.headers["content-encoding"]).toBe("gzip");
    expect(style.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(gunzipSync(style.body).toString()).toBe(STYLE);
    const tiny = await get(app.baseUrl, "/assets/tiny-Gh78.js", CHROME);
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    // Nothing to choose between, so nothing for a cache to tell apart.
    expect(tiny.headers.vary).toBeUndefined();
    expect(tiny.headers["cache-control"]).toBe(IMMUTABLE);
    expect(tiny.body.toString()).toBe("1");
  });

  it("revalidates what is not content-hashed: the pages, and files outside assets/", async () => {
    const favicon = await get(app.baseUrl, "/favicon.svg", CHROME);
    expect(favicon.headers["content-type"]).toBe("image/svg+xml");
    expect(favicon.headers["content-encoding"]).toBe("br");
    expect(favicon.headers["cache-control"]).toBe(REVALIDATE);
    for (const page of ["/users", "/index.html", "/dialin", "/dialin.html"]) {
      const response = await get(app.baseUrl, page, CHROME);
      expect(response.status, page).toBe(200);
      expect(response.headers["content-type"], page).toBe("text/html; charset=utf-8");
      expect(response.headers["cache-control"], page).toBe(REVALIDATE);
      expect(response.body.toString(), page).not.toContain(CSP_NONCE_PLACEHOLDER);
    }
  });

  it("answers HEAD with the headers alone, and a missing chunk or the build's notes with 404", async () => {
    const head = await get(app.baseUrl, "/assets/index-Ab12.js", CHROME, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBe("br");
    expect(head.body.length).toBe(0);
    // A chunk of an earlier build is not the console's HTML, which the browser would try to run.
    const gone = await get(app.baseUrl, "/assets/index-Old0.js", CHROME);
    expect(gone.status).toBe(404);
    expect(gone.headers["content-type"]).toMatch(/^text\/plain/);
    const copy = await get(app.baseUrl, "/assets/index-Ab12.js.br", CHROME);
    expect(copy.status).toBe(404);
    const manifest = await get(app.baseUrl, "/.vite/manifest.json", CHROME);
    expect(manifest.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(manifest.body.toString()).not.toContain("{}");
  });
});

describe("acceptedEncodings", () => {
  it("reads q-values, the wildcard, and refusals by name", () => {
    expect([...acceptedEncodings(CHROME)].sort()).toEqual(["br", "gzip"]);
    expect([...acceptedEncodings("BR;Q=1.0")]).toEqual(["br"]);
    expect([...acceptedEncodings("*")].sort()).toEqual(["br", "gzip"]);
    expect([...acceptedEncodings("*, gzip;q=0")]).toEqual(["br"]);
    expect([...acceptedEncodings("gzip;q=0.001")]).toEqual(["gzip"]);
    expect([...acceptedEncodings("")]).toEqual([]);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});
