/**
 * The layering of docs/design.md ("Architecture"), checked on every `npm run lint`. Each rule names the
 * boundary it keeps; a violation fails the lint with the two files and the rule.
 */
const SERVER = "^apps/server/src/";
const WEB = "^apps/web/src/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-below-http",
      comment:
        "core/ is everything below the routes that is not HTTP: it never reaches up to http/, features/ or the app.",
      severity: "error",
      from: { path: `${SERVER}core/` },
      to: { path: `${SERVER}(http|features|cli)/|${SERVER}(app|main)\\.ts$` },
    },
    {
      name: "infrastructure-below-core",
      comment: "db/ and crypto/ hold no rules of PinDesk: they import neither core/, http/ nor features/.",
      severity: "error",
      from: { path: `${SERVER}(db|crypto)/` },
      to: { path: `${SERVER}(core|http|features|cli)/` },
    },
    {
      name: "http-below-features",
      comment: "http/ is the Express machinery the features use; it knows no feature.",
      severity: "error",
      from: { path: `${SERVER}http/` },
      to: { path: `${SERVER}features/` },
    },
    {
      name: "server-feature-to-feature",
      comment:
        "A server feature imports core/, http/ and packages/*, never another feature (shared code goes to core/).",
      severity: "error",
      from: { path: `${SERVER}features/([^/]+)/` },
      to: { path: `${SERVER}features/`, pathNot: `${SERVER}features/$1/` },
    },
    {
      name: "web-feature-to-feature",
      comment:
        "A web feature imports its own files, src/components, src/lib and packages/*: never another feature or app/.",
      severity: "error",
      from: { path: `${WEB}features/([^/]+)/` },
      to: { path: `${WEB}(features/|app/)`, pathNot: `${WEB}features/$1/` },
    },
    {
      name: "web-shared-below-features",
      comment: "src/components and src/lib are shared by every feature, so they import none.",
      severity: "error",
      from: { path: `${WEB}(components|lib)/` },
      to: { path: `${WEB}(features|app)/` },
    },
    {
      name: "domain-is-pure",
      comment: "packages/domain is pure TypeScript with no I/O: it imports only itself and zod.",
      severity: "error",
      from: { path: "^packages/domain/src/", pathNot: "\\.test\\.ts$|/test-support/" },
      to: { pathNot: "^packages/domain/src/|node_modules/zod/" },
    },
    {
      name: "usf-reads-domain-only",
      comment:
        "packages/usf is the .usf file format: it builds on the domain's shapes and its XML parser, nothing else.",
      severity: "error",
      from: { path: "^packages/usf/src/", pathNot: "\\.test\\.ts$|/test-support/" },
      to: { pathNot: "^packages/(usf|domain)/src/|node_modules/(zod|fast-xml-parser)/" },
    },
    {
      name: "cli-over-http",
      comment:
        "apps/cli talks to PinDesk over HTTP only: it imports itself, packages/domain's contracts, zod and node, " +
        "never the server's code (its tests may start the real app through apps/server/src/test/).",
      severity: "error",
      from: { path: "^apps/cli/src/", pathNot: "\\.test\\.ts$|/test-support/" },
      to: { pathNot: "^apps/cli/src/|^packages/domain/src/|node_modules/zod/", dependencyTypesNot: ["core"] },
    },
    {
      name: "packages-below-apps",
      comment: "Shared packages never import an app.",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^apps/" },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript compiler API; swc parses the sources, type-only imports included.
    parser: "swc",
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|node_modules|reports|test-results)/" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      extensions: [".ts", ".tsx", ".js", ".mjs"],
      conditionNames: ["import", "default"],
    },
  },
};
