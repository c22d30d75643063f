import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readIdentities, sortIdentities } from "./read-identities.ts";

const piped = (text: string) => Object.assign(Readable.from([text]), { isTTY: false });
const terminal = () => Object.assign(Readable.from([]), { isTTY: true });

describe("identities from arguments or standard input", () => {
  it("reads one identity a line, trimmed, skipping blank lines and CRLF endings", async () => {
    const list = await readIdentities(
      [],
      piped("sip:kenmyer@litwareinc.com\r\n\n  litwareinc\\pilar  \r\nKen Myer\n"),
    );
    expect(list).toEqual({
      identities: ["sip:kenmyer@litwareinc.com", "litwareinc\\pilar", "Ken Myer"],
      malformed: [],
    });
  });

  it("takes the arguments first and leaves standard input alone then", async () => {
    const list = await readIdentities(["* Smith"], piped("sip:kenmyer@litwareinc.com\n"));
    expect(list.identities).toEqual(["* Smith"]);
  });

  it("keeps each identity once, in the order first given", () => {
    expect(sortIdentities(["b@litwareinc.com", "a@litwareinc.com", "b@litwareinc.com"]).identities).toEqual([
      "b@litwareinc.com",
      "a@litwareinc.com",
    ]);
  });

  it("sets malformed identities apart with the parser's reason", () => {
    expect(sortIdentities(["sip:nobody", "CN=,x", "Ken Myer"])).toEqual({
      identities: ["Ken Myer"],
      malformed: [
        {
          identity: "sip:nobody",
          message: "sip:nobody is not a SIP address such as sip:kenmyer@litwareinc.com",
        },
        {
          identity: "CN=,x",
          message: "CN=,x is not a distinguished name such as CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com",
        },
      ],
    });
  });

  it("refuses a terminal with no identities, and an empty pipe", async () => {
    await expect(readIdentities([], terminal())).rejects.toThrow("name at least one identity");
    await expect(readIdentities([], piped("\n \n"))).rejects.toThrow("standard input held no identities");
  });

  it("reads 10 000 piped identities", async () => {
    const lines = Array.from({ length: 10_000 }, (_, n) => `user${n}@litwareinc.com`).join("\n");
    expect((await readIdentities([], piped(lines))).identities).toHaveLength(10_000);
  });
});
