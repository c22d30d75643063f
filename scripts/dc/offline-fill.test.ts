/**
 * The pieces of `add-users --offline` and of a second DC that can be checked without stopping a DC: which
 * LDIF each ldbadd run gets, that ldbadd runs in batch mode, and the listening address a second DC takes.
 * The fill itself is measured by building the bench's 100 000-user DC (decision 0019).
 */
import { describe, expect, it } from "vitest";
import { dcPaths } from "./dc-config.ts";
import { ldbaddArgs, offlineChunks } from "./offline-fill.ts";
import { smbOptions } from "./samba-process.ts";

describe("add-users --offline", () => {
  it("cuts the users into ldbadd runs of at most the chunk size, the OUs first in the first", () => {
    const users = ["u1\n\n", "u2\n\n", "u3\n\n", "u4\n\n", "u5\n\n"];
    expect(offlineChunks(["ou\n\n"], users, 2)).toEqual(["ou\n\nu1\n\nu2\n\n", "u3\n\nu4\n\n", "u5\n\n"]);
    expect(offlineChunks([], users, 5)).toEqual([users.join("")]);
    expect(offlineChunks(["ou\n\n"], [], 5)).toEqual(["ou\n\n"]);
    expect(offlineChunks([], [], 5)).toEqual([]);
  });

  it("runs ldbadd on the folder's sam.ldb in batch mode, with its smb.conf and no fsync", () => {
    const paths = dcPaths("/tmp/pindesk-dc-big");
    expect(ldbaddArgs(paths, "/tmp/users.ldif")).toEqual([
      "-H",
      "/tmp/pindesk-dc-big/private/sam.ldb",
      "--configfile=/tmp/pindesk-dc-big/etc/smb.conf",
      "--nosync",
      "-o",
      "batch_mode:1",
      "/tmp/users.ldif",
    ]);
  });
});

describe("a second DC on another loopback address", () => {
  it("listens on that address only, and the first DC on lo", () => {
    expect(smbOptions("/tmp/b", "127.0.0.2")).toContain("interfaces = 127.0.0.2/8");
    expect(smbOptions("/tmp/b", "127.0.0.2")).toContain("bind interfaces only = yes");
    expect(smbOptions("/tmp/a", "127.0.0.1")).toContain("interfaces = lo");
  });
});
