import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isSafeTransport } from "../commands/login.ts";
import { configPath, readLogin, writeLogin } from "./config-file.ts";
import { connection, serverUrl } from "./connection.ts";

const folder = () => mkdtempSync(path.join(tmpdir(), "pindesk-config-"));

describe("which PinDesk, with which token", () => {
  it("reads a URL as its origin, and refuses what is not an http(s) URL", () => {
    expect(serverUrl(" https://pindesk.litwareinc.com/users?x=1 ")).toBe("https://pindesk.litwareinc.com");
    expect(() => serverUrl("pindesk.litwareinc.com")).toThrow("is not a URL such as https://");
    expect(() => serverUrl("ftp://pindesk.litwareinc.com")).toThrow("is not an http:// or https:// URL");
  });

  it("takes PINDESK_URL and PINDESK_TOKEN before the stored login, and refuses one without the other", async () => {
    const env = { XDG_CONFIG_HOME: folder() };
    await writeLogin(configPath(env), { url: "https://stored.litwareinc.com", token: "pdt_stored" });
    expect(await connection(env)).toEqual({ url: "https://stored.litwareinc.com", token: "pdt_stored" });
    expect(
      await connection({ ...env, PINDESK_URL: "https://env.litwareinc.com/", PINDESK_TOKEN: "pdt_env" }),
    ).toEqual({ url: "https://env.litwareinc.com", token: "pdt_env" });
    await expect(connection({ ...env, PINDESK_TOKEN: "pdt_env" })).rejects.toThrow(
      "PINDESK_TOKEN is set without PINDESK_URL: set both",
    );
  });

  it("keeps the login in $XDG_CONFIG_HOME/pindesk or ~/.config/pindesk, 0600 even over an older file", async () => {
    expect(configPath({ XDG_CONFIG_HOME: "/x" })).toBe("/x/pindesk/config.json");
    expect(configPath({ HOME: "/home/ken" })).toBe("/home/ken/.config/pindesk/config.json");
    const file = configPath({ XDG_CONFIG_HOME: folder() });
    await writeLogin(file, { url: "https://a.litwareinc.com", token: "pdt_a" });
    writeFileSync(file, "{}", { mode: 0o644 });
    await writeLogin(file, { url: "https://a.litwareinc.com", token: "pdt_b" });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await readLogin(file))?.token).toBe("pdt_b");
  });

  it("refuses a config file that is not a login", async () => {
    const file = configPath({ XDG_CONFIG_HOME: folder() });
    await writeLogin(file, { url: "https://a.litwareinc.com", token: "pdt_a" });
    writeFileSync(file, "not json");
    await expect(readLogin(file)).rejects.toThrow("is not a pindesk login; run pindesk login again");
  });

  it("calls HTTPS, or HTTP to this machine, safe for a password", () => {
    expect(isSafeTransport("https://pindesk.litwareinc.com")).toBe(true);
    expect(isSafeTransport("http://127.0.0.1:8080")).toBe(true);
    expect(isSafeTransport("http://localhost:8080")).toBe(true);
    expect(isSafeTransport("http://pindesk.litwareinc.com")).toBe(false);
  });
});
