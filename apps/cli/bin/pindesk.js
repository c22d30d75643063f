#!/usr/bin/env node
// The pindesk binary. Installed from its package it runs the bundle in dist/; inside the PinDesk repository,
// where src/ sits beside it, it runs the TypeScript through tsx as the server does
// (docs/decisions/0024-pindesk-command-line.md).
import { existsSync } from "node:fs";

const source = new URL("../src/cli.ts", import.meta.url);
if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(source.href);
} else {
  await import("../dist/pindesk.js");
}
