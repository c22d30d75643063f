import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Two cores: two test files at a time.
    maxWorkers: 2,
    projects: [
      { test: { name: "domain", include: ["packages/*/src/**/*.test.ts"], environment: "node" } },
      // The SPA's hooks and helpers, in a simulated browser; no server and no mocked API.
      {
        test: {
          name: "web",
          include: ["apps/web/src/**/*.test.{ts,tsx}"],
          environment: "jsdom",
          setupFiles: ["apps/web/src/test/setup.ts"],
        },
      },
      // A production build of the SPA and what each page downloads (apps/web/build/bundle-budget.test.ts).
      {
        test: {
          name: "web-build",
          include: ["apps/web/build/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "server",
          // The development domain controller's own checks run here too: they need node and nothing else.
          include: ["apps/server/src/**/*.test.ts", "scripts/dc/**/*.test.ts"],
          environment: "node",
          globalSetup: ["apps/server/src/test/global-setup.ts"],
          // Each test file copies a template database (about a second) and shares it between its tests.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "cli",
          // The pindesk command line: its rules alone, and against the real app over HTTP (the server's
          // template databases).
          include: ["apps/cli/src/**/*.test.ts"],
          environment: "node",
          globalSetup: ["apps/server/src/test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
