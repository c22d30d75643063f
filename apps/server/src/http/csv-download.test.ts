/**
 * How a download is sent, over real HTTP from a small Express app: a generator stands in for the batches,
 * counting how many were made, so the test sees a client that does not read hold them back and a client that
 * leaves end them. Bodies are read as bytes: fetch's text() would drop the byte order mark under test.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { pinoHttp } from "pino-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../logger.ts";
import { sendCsvDownload, whenFinished } from "./csv-download.ts";
import { errorHandler, HttpError } from "./errors.ts";

const CHUNK = "x".repeat(64 * 1024);
const BOM = [0xef, 0xbb, 0xbf];

const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

class Batches {
  made = 0;
  ended = false;
  constructor(
    private readonly count: number,
    private readonly failAt?: number,
  ) {}

  async *chunks(): AsyncGenerator<string> {
    try {
      for (; this.made < this.count; ) {
        if (this.made === this.failAt) throw new HttpError(400, "bad_batch", "This batch cannot be read");
        this.made++;
        yield this.made === 1 ? "header\r\n" : CHUNK;
      }
    } finally {
      this.ended = true;
    }
  }
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return condition();
};

describe("sending a CSV download", () => {
  let server: http.Server;
  let base: string;
  let batches: Batches;
  beforeAll(async () => {
    const app = express();
    app.use(pinoHttp({ logger: silentLogger }));
    app.get("/file.csv", (req, res) => sendCsvDownload(req, res, "file.csv", batches.chunks()));
    app.get("/no-bom.csv", (req, res) =>
      sendCsvDownload(req, res, "no-bom.csv", batches.chunks(), { byteOrderMark: false }),
    );
    app.use(errorHandler(silentLogger));
    server = await new Promise((resolve) => {
      const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("sends every chunk to a client that reads, then ends the response", async () => {
    batches = new Batches(40);
    const response = await fetch(`${base}/file.csv`);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="file.csv"');
    expect((await bytesOf(response)).length).toBe(BOM.length + "header\r\n".length + 39 * CHUNK.length);
    expect(batches.ended).toBe(true);
  });

  it("starts the file with one UTF-8 byte order mark, so Excel reads it as UTF-8", async () => {
    batches = new Batches(2);
    const bytes = await bytesOf(await fetch(`${base}/file.csv`));
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(3, 3 + 8))).toBe("header\r\n");
    expect(bytes.length).toBe(BOM.length + "header\r\n".length + CHUNK.length);
  });

  it("leaves the byte order mark out when asked to", async () => {
    batches = new Batches(2);
    const bytes = await bytesOf(await fetch(`${base}/no-bom.csv`));
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(0, 8))).toBe("header\r\n");
    expect(bytes.length).toBe("header\r\n".length + CHUNK.length);
  });

  it("makes no more batches than the socket holds while the client does not read, none once it leaves", async () => {
    batches = new Batches(100_000); // 6.5 GB, if nothing held it back
    const request = http.get(`${base}/file.csv`);
    const response = await new Promise<http.IncomingMessage>((resolve) => request.on("response", resolve));
    response.pause();
    await until(() => batches.made > 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const held = batches.made;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(batches.made).toBe(held);
    expect(held).toBeLessThan(1_000);
    request.destroy();
    expect(await until(() => batches.ended)).toBe(true);
    expect(batches.made).toBeLessThanOrEqual(held + 1);
  });

  it("answers an error in the first batch as a JSON error, not a download", async () => {
    batches = new Batches(10, 0);
    const response = await fetch(`${base}/file.csv`);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-disposition")).toBeNull();
    const bytes = await bytesOf(response);
    expect(bytes[0]).toBe("{".charCodeAt(0)); // no byte order mark before a JSON error
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual({
      error: { code: "bad_batch", message: "This batch cannot be read" },
    });
  });

  it("cuts the connection on an error after the download has begun, so the file is visibly incomplete", async () => {
    batches = new Batches(10, 5);
    const response = await fetch(`${base}/file.csv`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(batches.ended).toBe(true);
  });
});

describe("whenFinished", () => {
  async function* three(failAt?: number) {
    for (let i = 0; i < 3; i++) {
      if (i === failAt) throw new Error("the database went away");
      yield `${i}`;
    }
  }
  const record = () => {
    const calls: boolean[] = [];
    return { calls, finished: async (complete: boolean) => void calls.push(complete) };
  };

  it("says complete after the last chunk, before the generator reports it is done", async () => {
    const { calls, finished } = record();
    const chunks = whenFinished(three(), finished);
    for (let i = 0; i < 3; i++) await chunks.next();
    expect(calls).toEqual([]);
    expect((await chunks.next()).done).toBe(true);
    expect(calls).toEqual([true]);
  });

  it("says incomplete when the download is cut off or a later batch fails, and nothing when none began", async () => {
    const cut = record();
    const chunks = whenFinished(three(), cut.finished);
    await chunks.next();
    await chunks.return(undefined);
    expect(cut.calls).toEqual([false]);

    const failed = record();
    const failing = whenFinished(three(1), failed.finished);
    await failing.next();
    await expect(failing.next()).rejects.toThrow("went away");
    expect(failed.calls).toEqual([false]);

    const refused = record();
    await expect(whenFinished(three(0), refused.finished).next()).rejects.toThrow();
    expect(refused.calls).toEqual([]);
  });
});
