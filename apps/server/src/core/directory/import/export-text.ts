/**
 * The text of a directory export, a line at a time (node:readline over the file, so a 100 MB export is never
 * in memory at once), with each line's number for the error messages.
 *
 * Encodings: UTF-8 (with or without a byte-order mark; ldifde's default ANSI output is ASCII with every
 * non-ASCII value in base64, so it reads as UTF-8 too), and UTF-16 with a byte-order mark, which is what
 * Windows calls "Unicode" (`ldifde -u`, `csvde -u`). Bytes that are not valid in the encoding stop the read
 * with the line they are on: a csvde export without -u is in the system code page, and guessing which one
 * would put wrong names in the directory (decision 0020).
 */
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";

/** The export cannot be read as a whole: the line (1-based) and what is wrong there. */
export class ExportFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    problem: string,
  ) {
    super(line === null ? `${file}: ${problem}` : `${file}, line ${line}: ${problem}`);
  }
}

export interface TextLine {
  text: string;
  /** 1-based, as an editor shows it. */
  line: number;
}

type Encoding = "utf-8" | "utf-16le" | "utf-16be";

/** By the byte-order mark; UTF-16LE without one is recognized by its zero high bytes ("d\0n\0:\0"). */
async function encodingOf(file: string): Promise<Encoding> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead >= 2 && head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
    if (bytesRead >= 2 && head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
    if (bytesRead >= 4 && head[0] !== 0 && head[1] === 0 && head[2] !== 0 && head[3] === 0) return "utf-16le";
    return "utf-8";
  } finally {
    await handle.close();
  }
}

/** The file's text in chunks, decoded strictly: an invalid byte is an error naming its line. */
async function* decodedChunks(file: string, encoding: Encoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let newlines = 0;
  const count = (text: string) => {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) newlines++;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
    let text: string;
    try {
      text = decoder.decode(chunk as Buffer, { stream: true });
    } catch {
      // Find the line of the first bad byte: decode the chunk again, leniently, up to its first U+FFFD.
      const lenient = new TextDecoder(encoding).decode(chunk as Buffer);
      count(lenient.slice(0, Math.max(0, lenient.indexOf("\uFFFD"))));
      throw new ExportFileError(
        file,
        newlines + 1,
        `is not ${encoding.toUpperCase()} text. Export with -u (Unicode), or save the file as UTF-8`,
      );
    }
    count(text);
    if (text !== "") yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest !== "") yield rest;
  } catch {
    throw new ExportFileError(
      file,
      newlines + 1,
      `ends in the middle of a ${encoding.toUpperCase()} character`,
    );
  }
}

/** Every line of the file (CRLF or LF), numbered; a missing or unreadable file is an ExportFileError. */
export async function* exportLines(file: string): AsyncGenerator<TextLine> {
  let encoding: Encoding;
  try {
    encoding = await encodingOf(file);
  } catch (error) {
    throw new ExportFileError(
      file,
      null,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  const input = Readable.from(decodedChunks(file, encoding));
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      yield { text: line === 1 ? text.replace(/^\uFEFF/, "") : text, line };
    }
  } finally {
    // A reader that stops early (a malformed record) closes the file now, not when it is collected.
    lines.close();
    input.destroy();
  }
}

/** Size and modification time: the file is the same one when they are. */
export async function fileStamp(file: string) {
  try {
    const { size, mtimeMs } = await stat(file);
    return `${size}:${mtimeMs}`;
  } catch (error) {
    throw new ExportFileError(
      file,
      null,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
}
