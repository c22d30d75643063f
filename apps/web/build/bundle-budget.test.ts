/**
 * The bundle budget (issue 17, target 3; docs/decisions/0028-bundle-and-compression.md): what the sign-in,
 * Users and Dial-in pages download before they can show anything, gzipped, from a fresh production build
 * (Vite's own `build` with the app's config, into a folder of its own), and the build's precompressed copies.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initialFiles, readManifest, weigh } from "./initial-chunks.ts";

const WEB = path.resolve(import.meta.dirname, "..");
const KiB = 1024;

/** Each page's HTML entry and the lazy routes it opens on arrival (src/app/router.tsx). */
const PAGES = {
  "/sign-in": { entries: ["index.html", "src/features/auth/components/sign-in-page.tsx"], budgetKiB: 250 },
  "/users": {
    entries: [
      "index.html",
      "src/features/auth/components/require-session.tsx",
      "src/app/app-layout.tsx",
      "src/app/require-permission.tsx",
      "src/features/users/components/users-page.tsx",
    ],
    // The target is 250 KiB and is not met: React, the router and TanStack Query (~105 KiB), Fluent's
    // core (~70 KiB), zod (~23 KiB) and the Users page's own table, filters and menus leave ~317 KiB. This
    // ceiling keeps it from growing unseen; 0028 says what would bring it down.
    budgetKiB: 320,
  },
  "/dialin": { entries: ["dialin.html"], budgetKiB: 250 },
} as const;

describe("the production build", () => {
  const outDir = mkdtempSync(path.join(tmpdir(), "pindesk-web-build-"));
  beforeAll(async () => {
    // Vite builds for the NODE_ENV it finds, and vitest sets "test": React's development build would be weighed.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await build({
        configFile: path.join(WEB, "vite.config.ts"),
        logLevel: "silent",
        build: { outDir, emptyOutDir: true },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  for (const [page, { entries, budgetKiB }] of Object.entries(PAGES)) {
    it(`loads at most ${budgetKiB} KiB of JavaScript, gzipped, on arrival at ${page}`, () => {
      const files = initialFiles(readManifest(outDir), entries);
      const js = weigh(outDir, files, ".js");
      expect(js.files).toBeGreaterThan(0);
      expect(js.gzip / KiB, `${page}: ${files.join(", ")}`).toBeLessThanOrEqual(budgetKiB);
    });
  }

  it("keeps what only other pages use out of the sign-in page", () => {
    const manifest = readManifest(outDir);
    const signIn = new Set(initialFiles(manifest, PAGES["/sign-in"].entries));
    for (const later of PAGES["/users"].entries.slice(1)) {
      const own = manifest[later]?.file;
      expect(own, later).toBeDefined();
      expect(signIn.has(own ?? ""), later).toBe(false);
    }
  });

  it("writes brotli and gzip copies that decode to each script and style sheet", () => {
    const assets = path.join(outDir, "assets");
    const names = readdirSync(assets).filter((name) => /\.(js|css)$/.test(name));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const original = readFileSync(path.join(assets, name));
      // The build leaves out a copy that would not be smaller; a large file always has both.
      if (original.length < 1 * KiB) continue;
      expect(brotliDecompressSync(readFileSync(path.join(assets, `${name}.br`))).equals(original), name).toBe(
        true,
      );
      expect(gunzipSync(readFileSync(path.join(assets, `${name}.gz`))).equals(original), name).toBe(true);
    }
  });
});
