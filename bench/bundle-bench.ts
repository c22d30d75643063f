/**
 * `npm run bench:bundle`: what the sign-in, Users and Dial-in pages download, raw and on the wire, before and
 * after issue 17's bundle work (docs/decisions/0028-bundle-and-compression.md), measured in the same run.
 * `--before <ref>` (default: the commit before that work) and `--after <ref>` (default: HEAD — commit first)
 * are checked out beside this checkout, built and served by their own servers (bundle.ts).
 * Writes results/<date>-bundle.json and .md.
 */
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  buildTree,
  checkOut,
  launchChromium,
  loadPages,
  type PageLoad,
  serveTree,
  type TreeLoad,
} from "./bundle.ts";

/** The last commit before the route-level splitting and the precompressed assets. */
const BEFORE_BUNDLE_WORK = "10d8175";

const { values } = parseArgs({
  options: {
    before: { type: "string", default: BEFORE_BUNDLE_WORK },
    after: { type: "string", default: "HEAD" },
  },
});
const KiB = (bytes: number) => (bytes / 1024).toFixed(1);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

const startedAt = new Date().toISOString();
const loadBefore = load();
console.log(`PinDesk bundle benchmark — ${startedAt}; load average ${loadBefore}`);
const browser = await launchChromium();
const trees: TreeLoad[] = [];
try {
  for (const [label, ref] of [
    ["before", values.before],
    ["after", values.after],
  ] as const) {
    const tree = await checkOut(ref);
    try {
      console.log(`\n${label}: ${tree.commit} — building…`);
      await buildTree(tree.dir);
      const server = await serveTree(tree.dir);
      try {
        trees.push({ label, commit: tree.commit, pages: await loadPages(browser, server.base) });
      } finally {
        await server.stop();
      }
    } finally {
      await tree.remove();
    }
  }
} finally {
  await browser.close();
}
const loadAfter = load();

const row = (label: string, page: PageLoad) =>
  `| ${page.page} | ${label} | ${page.requests} | ${KiB(page.jsRaw)} | ${KiB(page.jsWire)} | ${KiB(page.cssRaw)} | ${KiB(page.cssWire)} | ${Object.entries(
    page.encodings,
  )
    .map(([encoding, count]) => `${encoding} ${count}`)
    .join(", ")} | ${page.assetCaching} |`;
const lines = [
  `# Bundle: what each page loads — ${startedAt}`,
  "",
  `Chromium (empty cache per page), each tree's own build and server; KiB = 1 024 bytes. Wire = response bodies as received. Load average ${loadBefore} before, ${loadAfter} after.`,
  "",
  "| Page | Tree | Files | JS raw | JS wire | CSS raw | CSS wire | Encodings | Asset Cache-Control |",
  "|---|---|---:|---:|---:|---:|---:|---|---|",
];
for (const [index, page] of (trees[0]?.pages ?? []).entries()) {
  for (const tree of trees) {
    const measured = tree.pages[index];
    if (measured && measured.page === page.page) lines.push(row(`${tree.label} (${tree.commit})`, measured));
  }
}
const report = lines.join("\n");
console.log(`\n${report}`);
const results = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "results",
  `${startedAt.slice(0, 10)}-bundle`,
);
writeFileSync(`${results}.json`, JSON.stringify({ startedAt, loadBefore, loadAfter, trees }, null, 2));
writeFileSync(`${results}.md`, `${report}\n`);
console.log(`\nWritten: ${path.relative(process.cwd(), results)}.md and .json`);
