/**
 * What the sign-in, Users and Dial-in pages download, raw and on the wire, in Chromium against a real server
 * (issue 17, target 3): each tree of the app — a git commit checked out beside this one — is built with its
 * own Vite config and served by its own server (apps/server/src/main.ts, NODE_ENV=production) on a PGlite
 * database of its own; each page is opened in a fresh browser context (an empty cache) and every script and
 * style sheet it fetched until the network went quiet is counted: decoded bytes, and body bytes received.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "@playwright/test";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ADMIN_PASSWORD = "bundle-bench-admin-password";

export interface PageLoad {
  page: string;
  /** Scripts and style sheets fetched. */
  requests: number;
  jsRaw: number;
  jsWire: number;
  cssRaw: number;
  cssWire: number;
  /** How many of them came in each Content-Encoding (identity when none). */
  encodings: Record<string, number>;
  /** Cache-Control of the page's first script. */
  assetCaching: string;
}

export interface TreeLoad {
  label: string;
  commit: string;
  pages: PageLoad[];
}

function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (data) => (output += data));
    child.stderr.on("data", (data) => (output += data));
    child.on("close", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} failed:\n${output}`)),
    );
  });
}

/**
 * A checkout of the commit in a folder of its own. Its node_modules are this checkout's, except PinDesk's own
 * packages (@pindesk/*), which point into the checked-out tree so it builds from its own domain code.
 */
export async function checkOut(
  ref: string,
): Promise<{ dir: string; commit: string; remove(): Promise<void> }> {
  const commit = (await run("git", ["rev-parse", "--short", ref], ROOT)).trim();
  const dir = mkdtempSync(path.join(tmpdir(), `pindesk-${commit}-`));
  await run("git", ["worktree", "add", "--detach", dir, commit], ROOT);
  const modules = path.join(dir, "node_modules");
  mkdirSync(path.join(modules, "@pindesk"), { recursive: true });
  for (const name of readdirSync(path.join(ROOT, "node_modules"))) {
    if (name === "@pindesk" || name === ".vite") continue;
    symlinkSync(path.join(ROOT, "node_modules", name), path.join(modules, name));
  }
  for (const name of readdirSync(path.join(ROOT, "node_modules/@pindesk"))) {
    const target = ["web", "server", "cli"].includes(name) ? `apps/${name}` : `packages/${name}`;
    if (existsSync(path.join(dir, target)))
      symlinkSync(path.join(dir, target), path.join(modules, "@pindesk", name));
  }
  return {
    dir,
    commit,
    remove: async () => {
      await run("git", ["worktree", "remove", "--force", dir], ROOT);
    },
  };
}

/** `vite build` in the tree, for production whatever NODE_ENV this process has. */
export function buildTree(dir: string): Promise<string> {
  return run("npx", ["vite", "build"], path.join(dir, "apps/web"), {
    ...process.env,
    NODE_ENV: "production",
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/** The tree's own server on its built SPA and a fresh PGlite database; resolves once /readyz answers. */
export async function serveTree(dir: string): Promise<{ base: string; stop(): Promise<void> }> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "pindesk-bundle-data-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    PINDESK_DATA_DIR: dataDir,
    PINDESK_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn("npx", ["tsx", "apps/server/src/main.ts"], {
    cwd: dir,
    env,
    detached: true,
  });
  let stderr = "";
  child.stderr?.on("data", (data) => (stderr += data));
  child.stdout?.resume();
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server of ${dir} exited:\n${stderr}`);
    if (Date.now() > deadline) throw new Error(`The server of ${dir} did not become ready:\n${stderr}`);
    if (
      await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    base,
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      // The group: npx, tsx and node under it.
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the page in an empty cache and counts its scripts and style sheets once the network is quiet. */
async function loadPage(
  browser: Browser,
  base: string,
  page: string,
  ready: (tab: Page) => Promise<void>,
  signedIn: boolean,
): Promise<PageLoad> {
  const context = await browser.newContext();
  try {
    if (signedIn) {
      const answer = await context.request.post(`${base}/api/auth/sign-in`, {
        data: { username: "admin", password: ADMIN_PASSWORD },
        // As the browser sends it: sign-in checks the Origin (0006).
        headers: { origin: base },
      });
      if (!answer.ok()) throw new Error(`Signing in failed: ${answer.status()} ${await answer.text()}`);
    }
    const tab = await context.newPage();
    const counted: Promise<{ type: string; raw: number; wire: number; encoding: string; caching: string }>[] =
      [];
    tab.on("response", (response) => {
      const type = response.request().resourceType();
      if (type !== "script" && type !== "stylesheet") return;
      counted.push(
        (async () => {
          const [body, sizes] = await Promise.all([response.body(), response.request().sizes()]);
          const headers = response.headers();
          return {
            type,
            raw: body.length,
            wire: sizes.responseBodySize,
            encoding: headers["content-encoding"] ?? "identity",
            caching: headers["cache-control"] ?? "",
          };
        })(),
      );
    });
    await tab.goto(`${base}${page}`, { waitUntil: "networkidle" });
    await ready(tab);
    const files = await Promise.all(counted);
    const sum = (type: string, field: "raw" | "wire") =>
      files.filter((file) => file.type === type).reduce((total, file) => total + file[field], 0);
    const encodings: Record<string, number> = {};
    for (const file of files) encodings[file.encoding] = (encodings[file.encoding] ?? 0) + 1;
    return {
      page,
      requests: files.length,
      jsRaw: sum("script", "raw"),
      jsWire: sum("script", "wire"),
      cssRaw: sum("stylesheet", "raw"),
      cssWire: sum("stylesheet", "wire"),
      encodings,
      assetCaching: files.find((file) => file.type === "script")?.caching ?? "",
    };
  } finally {
    await context.close();
  }
}

/** The three pages, each checked to be the page it claims (its main field or heading) before its bytes count. */
const PAGES: readonly { page: string; signedIn: boolean; ready: (tab: Page) => Promise<void> }[] = [
  {
    page: "/sign-in",
    signedIn: false,
    ready: (tab) => tab.getByRole("textbox", { name: "User name" }).waitFor(),
  },
  {
    page: "/users",
    signedIn: true,
    ready: (tab) => tab.getByRole("textbox", { name: "Search users" }).waitFor(),
  },
  { page: "/dialin", signedIn: false, ready: (tab) => tab.locator("h1").first().waitFor() },
];

export async function loadPages(browser: Browser, base: string): Promise<PageLoad[]> {
  const loads: PageLoad[] = [];
  for (const { page, signedIn, ready } of PAGES)
    loads.push(await loadPage(browser, base, page, ready, signedIn));
  return loads;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu"],
  });
}
