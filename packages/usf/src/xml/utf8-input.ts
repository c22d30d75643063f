/**
 * Turns a file's bytes (or text already decoded) into the text the XML reader sees: size first, so an
 * oversized file costs nothing to refuse; then the byte order mark and strict UTF-8.
 */
import { MAX_USF_BYTES, type UsfProblem } from "../usf-format.ts";

export type DecodedInput = { ok: true; text: string } | { ok: false; problem: UsfProblem };

const refuse = (message: string, line = 1): DecodedInput => ({ ok: false, problem: { line, message } });

/** UTF-8 length of a string, counting no further than the limit needs. */
function utf8Length(text: string, stopAfter: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAfter; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Index of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const extra = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 ? 3 : 0;
    if (extra === 0 || lead > 0xf4 || i + extra >= bytes.length) return i;
    // The second byte's range shuts out overlong forms, surrogates and code points past U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1] as number;
    if (second < low || second > high) return i;
    for (let k = 2; k <= extra; k++) {
      const next = bytes[i + k] as number;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += extra + 1;
  }
  return -1;
}

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function tooLarge(size: number): DecodedInput {
  return refuse(
    `The file is ${size.toLocaleString("en-US")} bytes; a .usf file is at most 64 KiB (${MAX_USF_BYTES.toLocaleString("en-US")} bytes)`,
  );
}

export function decodeUsfInput(input: string | Uint8Array): DecodedInput {
  if (typeof input === "string") {
    const size = utf8Length(input, MAX_USF_BYTES);
    if (size > MAX_USF_BYTES)
      return refuse(
        `The file is over 64 KiB; a .usf file is at most 64 KiB (${MAX_USF_BYTES.toLocaleString("en-US")} bytes)`,
      );
    // A string has been decoded already: a leading U+FEFF is the UTF-8 byte order mark that was there.
    return { ok: true, text: input.startsWith("\uFEFF") ? input.slice(1) : input };
  }
  if (input.byteLength > MAX_USF_BYTES) return tooLarge(input.byteLength);
  const [b0, b1, b2, b3] = input;
  if (
    (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) ||
    (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)
  ) {
    return refuse("The file is UTF-32 (it starts with a UTF-32 byte order mark); save it as UTF-8");
  }
  if (
    (b0 === 0xfe && b1 === 0xff) ||
    (b0 === 0xff && b1 === 0xfe) ||
    (b0 === 0x3c && b1 === 0) ||
    (b0 === 0 && b1 === 0x3c)
  ) {
    return refuse("The file is UTF-16; save it as UTF-8");
  }
  const bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? 3 : 0;
  const body = input.subarray(bom);
  const invalid = firstInvalidUtf8(body);
  if (invalid >= 0) {
    const byte = (body[invalid] as number).toString(16).toUpperCase().padStart(2, "0");
    return refuse(
      `The file is not valid UTF-8 (byte 0x${byte}); save it as UTF-8`,
      lineOfByte(body, invalid),
    );
  }
  return { ok: true, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(body) };
}
