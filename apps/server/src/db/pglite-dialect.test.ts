import { PGlite } from "@electric-sql/pglite";
import { Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGliteDialect, TurnQueue } from "./pglite-dialect.ts";

describe("TurnQueue", () => {
  it("hands out turns in the order they were asked for", async () => {
    const queue = new TurnQueue();
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4].map(async (n) => {
        const release = await queue.take();
        order.push(n);
        release();
      }),
    );
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it("keeps the next turn until the one before it is released", async () => {
    const queue = new TurnQueue();
    const first = await queue.take();
    let secondGot = false;
    const second = queue.take().then((release) => {
      secondGot = true;
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(secondGot).toBe(false);
    first();
    (await second)();
    expect(secondGot).toBe(true);
  });
});

describe("PGliteDialect", () => {
  const pglite = new PGlite();
  const db = new Kysely<Record<string, never>>({ dialect: new PGliteDialect(pglite) });
  // Started before the test: while PGlite starts, its first query waits on real I/O and lets anything in.
  beforeAll(() => sql`select 0`.execute(db));
  afterAll(() => db.destroy());

  it("lets work that arrives through the event loop in while a long run of queries goes on", async () => {
    // A request's queries over PGlite resolve without I/O; the latecomer stands for a socket read meanwhile.
    const events: string[] = [];
    const hog = (async () => {
      for (let i = 0; i < 40; i++) await sql`select 1`.execute(db);
      events.push("hog done");
    })();
    const latecomer = new Promise<void>((resolve) =>
      setImmediate(async () => {
        await sql`select 2`.execute(db);
        events.push("latecomer done");
        resolve();
      }),
    );
    await Promise.all([hog, latecomer]);
    expect(events).toEqual(["latecomer done", "hog done"]);
  });
});
