// Bundles the command line into dist/pindesk.js for its package: @pindesk/domain's contracts and zod go in,
// so the installed package has no dependencies (docs/decisions/0024-pindesk-command-line.md).
import { build } from "esbuild";

await build({
  entryPoints: [new URL("src/cli.ts", import.meta.url).pathname],
  outfile: new URL("dist/pindesk.js", import.meta.url).pathname,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  keepNames: true,
  legalComments: "eof",
  logLevel: "warning",
});
