/**
 * The built SPA's files, served as the build compressed them (docs/decisions/0028-bundle-and-compression.md):
 * the build writes `x.js.br` and `x.js.gz` beside `x.js` (apps/web/build/precompress.ts), so no CPU goes into
 * compressing per request and each file gets the smallest encoding at brotli's highest level. Brotli when the
 * client accepts it and the copy exists, else gzip, else the file itself. Content-hashed files under assets/
 * never change under their name: cached for a year, immutable. Anything else is revalidated (no-cache).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import type { NextFunction, Request, Response } from "express";

const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;
type Encoding = (typeof ENCODINGS)[number]["name"];

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "no-cache";

/** Every file under the folder, by URL path ("/assets/index-3kq1.js"), with the encoded copies beside it. */
function indexFiles(root: string): Map<string, Set<Encoding>> {
  const all = new Set(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map(
        (entry) =>
          `/${path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`,
      ),
  );
  const files = new Map<string, Set<Encoding>>();
  for (const file of all) {
    // The pages are not files to serve as they are (spa.ts), nor is the build's manifest (.vite/).
    if (file.endsWith(".html") || file.startsWith("/.")) continue;
    if (ENCODINGS.some(({ suffix }) => file.endsWith(suffix)) && all.has(file.replace(/\.(br|gz)$/, "")))
      continue;
    const encodings = new Set(
      ENCODINGS.filter(({ suffix }) => all.has(file + suffix)).map(({ name }) => name),
    );
    files.set(file, encodings);
  }
  return files;
}

/** The codings Accept-Encoding allows: named with q > 0, or covered by `*` and not refused by name. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const named = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const [token = "", ...parameters] = part.trim().toLowerCase().split(";");
    if (!token) continue;
    const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((value) => value !== undefined);
    named.set(token, q === undefined ? 1 : Number(q));
  }
  const accepted = new Set<string>();
  for (const { name } of ENCODINGS) {
    const q = named.get(name) ?? named.get("*") ?? 0;
    if (q > 0) accepted.add(name);
  }
  return accepted;
}

/**
 * Serves the folder's files (not the pages: index.html and dialin.html are written per response with their
 * nonce, spa.ts). The folder is read once: a build replaces it whole, and the server restarts with it.
 */
export function precompressedStatic(root: string) {
  const files = indexFiles(root);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const available = files.get(req.path);
    if (!available) return next();
    const accepted = acceptedEncodings(req.get("accept-encoding"));
    const encoding = ENCODINGS.find(({ name }) => available.has(name) && accepted.has(name));
    res.set("Cache-Control", req.path.startsWith("/assets/") ? IMMUTABLE : REVALIDATE);
    // A cache in between keeps one copy per encoding, whichever this client got.
    if (available.size > 0) res.vary("Accept-Encoding");
    // The type of the file itself, not of its .br/.gz copy (send keeps a Content-Type already set).
    res.type(path.extname(req.path));
    if (encoding) res.set("Content-Encoding", encoding.name);
    res.sendFile(req.path.slice(1) + (encoding?.suffix ?? ""), {
      root,
      cacheControl: false,
      // Byte ranges of a compressed copy would be ranges of the copy; nothing here needs them.
      acceptRanges: false,
    });
  };
}
