/**
 * The browser phase (issue 17, target 2): the Users page in Debian's Chromium against the real server in a
 * child process (server-process.ts) on the benchmark's directory, timed inside the page:
 * - **typing → rows painted**: a 4-character term typed into Search users, then Enter; from the Enter keydown
 *   to the end of the first frame that holds a result row for that term (a task queued in that frame's
 *   requestAnimationFrame runs after its paint);
 * - **scrolling** the 10 000-row table end to end, a fixed distance each frame (600 steps): frames per second
 *   from requestAnimationFrame's timestamps, and blank frames — frames where the middle of the visible part of
 *   the table shows no row (the windowed table had not rendered that place yet);
 * - **Lock PIN on 1 000 selected users**: from the click on the confirmation's Lock PIN to the first frame that
 *   shows the results; then Unlock PIN on them, so the directory ends as it began (timed the same way).
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "@playwright/test";
import { syntheticUser } from "../apps/server/src/core/directory/seed/synthetic-directory.ts";
import type { BenchConfig } from "./config.ts";
import { startServerProcess } from "./server-process.ts";
import { type Percentiles, percentiles } from "./stats.ts";

export interface BrowserBench {
  /** Enter → rows painted, ms, one figure per term. */
  typing: Percentiles & { terms: number };
  scroll: {
    rows: number;
    frames: number;
    seconds: number;
    framesPerSecond: number;
    blankFrames: number;
    longestFrameMs: number;
    /** How far the table's scroller moved, px. */
    distance: number;
  };
  /** Confirm → results shown, ms, per run after the first (which also loads the dialogs' code: `first`). */
  lock: Percentiles & { users: number; runs: number; first: number };
  unlock: Percentiles & { users: number; runs: number; first: number };
}

const SCROLL_ROWS = 10_000;
const LOCK_USERS = 1_000;
const PAGE_SIZE = 500;

/** Four-character terms as people type them: the starts of display names spread over the directory, distinct. */
function exampleTerms(seed: number, users: number, count: number): string[] {
  const terms = new Set<string>();
  for (let step = 0; step < users && terms.size < count; step++) {
    const index = Math.floor((step * 0.618_034 * users) % users);
    const term = syntheticUser(seed, index, []).displayName.slice(0, 4);
    if (term.length === 4 && !terms.has(term.toLowerCase())) terms.add(term.toLowerCase());
  }
  return [...terms];
}

/** Clicks Load more until `rows` users are shown (the page asks for 500 at a time). */
async function loadRows(page: Page, rows: number): Promise<void> {
  for (let shown = PAGE_SIZE * 2; shown <= rows; shown += PAGE_SIZE) {
    await page.getByRole("button", { name: "Load more" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: new RegExp(`^${shown.toLocaleString("en-US")} users`) })
      .waitFor({ timeout: 60_000 });
  }
}

async function signIn(page: Page, base: string, account: { username: string; password: string }) {
  await page.goto(`${base}/sign-in`);
  await page.getByRole("textbox", { name: "User name" }).fill(account.username);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Users" }).waitFor();
}

/** Enter → the first painted frame with a result row holding `term`, measured in the page. */
async function timeTerm(page: Page, term: string): Promise<number> {
  const box = page
    .getByRole("searchbox", { name: "Search users" })
    .or(page.getByRole("textbox", { name: "Search users" }));
  await box.fill("");
  await box.pressSequentially(term);
  await page.evaluate((wanted) => {
    const lower = wanted.toLowerCase();
    (window as unknown as { benchTiming: Promise<number> }).benchTiming = new Promise<number>((resolve) => {
      let start = 0;
      document.addEventListener(
        "keydown",
        (event) => {
          if (event.key === "Enter") start = performance.now();
        },
        { capture: true, once: true },
      );
      const check = () => {
        const row = document.querySelector("[data-user-row]");
        if (start > 0 && row?.textContent?.toLowerCase().includes(lower)) {
          setTimeout(() => resolve(performance.now() - start), 0);
          return;
        }
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  }, term);
  await page.keyboard.press("Enter");
  return page.evaluate(() => (window as unknown as { benchTiming: Promise<number> }).benchTiming);
}

/** Scrolls the results table end to end in 600 equal steps, one a frame; counts frames and blank frames. */
function scrollTable(page: Page): Promise<BrowserBench["scroll"]> {
  return page.getByRole("table", { name: "Search results" }).evaluate(
    (table, rows) =>
      new Promise<BrowserBench["scroll"]>((resolve) => {
        let box: HTMLElement | null = table.parentElement;
        while (
          box &&
          !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))
        )
          box = box.parentElement;
        const scroller = box ?? (document.scrollingElement as HTMLElement);
        // Load more left the page scrolled down to its button: start from the top, a few frames later.
        scroller.scrollTop = 0;
        const end = scroller.scrollHeight - scroller.clientHeight;
        const step = end / 600;
        const stamps: number[] = [];
        let blank = 0;
        const header = table.querySelector("thead")?.getBoundingClientRect().height ?? 0;
        const tick = (now: number) => {
          stamps.push(now);
          const rect = table.getBoundingClientRect();
          const top = Math.max(rect.top + header, 0);
          const bottom = Math.min(rect.bottom, window.innerHeight);
          if (bottom - top > 40) {
            const under = document.elementFromPoint(rect.left + 80, (top + bottom) / 2);
            if (!under?.closest("[data-user-row]")) blank++;
          }
          if (scroller.scrollTop >= end - 1) {
            const gaps = stamps.slice(1).map((stamp, index) => stamp - (stamps[index] ?? stamp));
            const seconds = ((stamps.at(-1) ?? 0) - (stamps[0] ?? 0)) / 1000;
            resolve({
              rows,
              frames: stamps.length,
              seconds,
              framesPerSecond: (stamps.length - 1) / seconds,
              blankFrames: blank,
              longestFrameMs: Math.max(...gaps),
              distance: end,
            });
            return;
          }
          scroller.scrollTop = Math.min(end, scroller.scrollTop + step);
          requestAnimationFrame(tick);
        };
        setTimeout(() => requestAnimationFrame(tick), 500);
      }),
    SCROLL_ROWS,
  );
}

/** Action → `verb` PIN on the selected users, confirmed; confirm click → first frame with the results. */
async function timeAction(page: Page, verb: "Lock" | "Unlock"): Promise<number> {
  await page.getByRole("button", { name: "Action" }).click();
  await page.getByRole("menuitem", { name: `${verb} PIN`, exact: true }).click();
  const confirm = page
    .getByRole("dialog", { name: new RegExp(`^${verb} the PIN of`) })
    .getByRole("button", { name: `${verb} PIN` });
  await confirm.waitFor();
  await page.evaluate(() => {
    (window as unknown as { benchTiming: Promise<number> }).benchTiming = new Promise<number>((resolve) => {
      let start = 0;
      document.addEventListener(
        "click",
        () => {
          start = performance.now();
        },
        { capture: true, once: true },
      );
      // The results dialog's table (target-results-table.tsx) is named Results.
      const check = () => {
        if (start > 0 && document.querySelector('[role="dialog"] table[aria-label="Results"] tbody tr')) {
          setTimeout(() => resolve(performance.now() - start), 0);
          return;
        }
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  });
  await confirm.click();
  const ms = await page.evaluate(() => (window as unknown as { benchTiming: Promise<number> }).benchTiming);
  await page
    .getByRole("dialog", { name: `${verb} PIN` })
    .getByRole("button", { name: "Close" })
    .click();
  return ms;
}

export async function benchBrowser(
  config: BenchConfig,
  account: { username: string; password: string },
  runs = config.quick ? 2 : 5,
): Promise<BrowserBench> {
  const built = fileURLToPath(new URL("../apps/web/dist/index.html", import.meta.url));
  if (!existsSync(built)) throw new Error("The browser phase serves the built SPA: run npm run build first");
  const server = await startServerProcess(config);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking"],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // tsx (esbuild with keepNames) wraps the named functions inside the page-side code below in __name();
    // the page has no such helper, so give it one that does nothing.
    await page.addInitScript({ content: "globalThis.__name = (target) => target;" });
    await signIn(page, server.base, account);

    const terms = exampleTerms(config.seed, config.users, config.quick ? 5 : 20);
    await timeTerm(page, terms[0] ?? "a"); // the first search loads the page's search code: not counted
    const typing: number[] = [];
    for (const term of terms.slice(1)) typing.push(await timeTerm(page, term));
    console.log(`  typing → rows painted: ${typing.map((ms) => ms.toFixed(0)).join(", ")} ms`);

    const scrollRows = Math.min(SCROLL_ROWS, config.users);
    await page.goto(`${server.base}/users?max=${scrollRows}&find=1`);
    await page.getByRole("table", { name: "Search results" }).locator("[data-user-row]").first().waitFor();
    await loadRows(page, scrollRows);
    const scroll = await scrollTable(page);
    console.log(
      `  scroll ${scrollRows} rows: ${scroll.framesPerSecond.toFixed(1)} frames/s, ${scroll.blankFrames} blank of ${scroll.frames}, longest frame ${scroll.longestFrameMs.toFixed(0)} ms, ${scroll.distance.toFixed(0)} px`,
    );

    // Enabled users whose PIN is not locked: Lock PIN changes every one, Unlock PIN puts every one back.
    const lockUsers = Math.min(LOCK_USERS, config.users);
    await page.goto(
      `${server.base}/users?max=${lockUsers}&filter=Enabled:EqualTo:True&filter=IsLockedOut:EqualTo:False`,
    );
    await page.getByRole("table", { name: "Search results" }).locator("[data-user-row]").first().waitFor();
    await loadRows(page, lockUsers);
    await page.getByRole("button", { name: "Edit" }).click();
    await page.getByRole("menuitem", { name: "Select all search results" }).click();
    const first = { lock: await timeAction(page, "Lock"), unlock: await timeAction(page, "Unlock") };
    const lock: number[] = [];
    const unlock: number[] = [];
    for (let run = 0; run < runs; run++) {
      lock.push(await timeAction(page, "Lock"));
      unlock.push(await timeAction(page, "Unlock"));
    }
    const list = (times: number[]) => times.map((ms) => ms.toFixed(0)).join(", ");
    console.log(`  Lock PIN ${lockUsers}: first ${first.lock.toFixed(0)} ms, then ${list(lock)} ms`);
    console.log(`  Unlock PIN ${lockUsers}: first ${first.unlock.toFixed(0)} ms, then ${list(unlock)} ms`);
    return {
      typing: { ...percentiles(typing), terms: typing.length },
      scroll,
      lock: { ...percentiles(lock), users: lockUsers, runs, first: first.lock },
      unlock: { ...percentiles(unlock), users: lockUsers, runs, first: first.unlock },
    };
  } catch (error) {
    // What the page showed when a step failed: the error alone rarely says why.
    const shot = path.join(tmpdir(), "pindesk-bench-browser-failure.png");
    await browser
      ?.contexts()[0]
      ?.pages()[0]
      ?.screenshot({ path: shot })
      .catch(() => undefined);
    console.log(`  the browser phase failed; the page as it was: ${shot}`);
    throw error;
  } finally {
    await browser?.close();
    await server.stop();
  }
}
