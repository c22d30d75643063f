import { describe, expect, it } from "vitest";
import { backgroundLoop } from "./background-loop.ts";

describe("backgroundLoop", () => {
  it("runs a first turn at once when asked, and stop() waits for the turn under way", async () => {
    let finish: () => void = () => {};
    const events: string[] = [];
    const loop = backgroundLoop(
      () =>
        new Promise<void>((resolve) => {
          events.push("turn");
          finish = () => {
            events.push("finished");
            resolve();
          };
        }),
      () => events.push("error"),
    );
    loop.start(60_000, true);
    const stopped = loop.stop().then(() => events.push("stopped"));
    finish();
    await stopped;
    expect(events).toEqual(["turn", "finished", "stopped"]);
  });

  it("hands a failed turn to onError instead of throwing", async () => {
    const errors: unknown[] = [];
    const loop = backgroundLoop(
      () => Promise.reject(new Error("the database is down")),
      (error) => errors.push(error),
    );
    loop.start(60_000, true);
    await loop.stop();
    expect(errors).toEqual([new Error("the database is down")]);
  });
});
