/**
 * The PIN pepper: PINDESK_PIN_PEPPER when set (every replica must share it), otherwise a random 32-byte key
 * made on first start in the data folder, readable by its owner only.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export async function loadPinPepper(configured: string | undefined, dataDir: string): Promise<Uint8Array> {
  if (configured) return Buffer.from(configured, "utf8");
  const file = path.join(dataDir, "pin-pepper");
  try {
    return Buffer.from((await readFile(file, "utf8")).trim(), "base64");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const pepper = randomBytes(32);
  // "wx" refuses to overwrite: if another process made the file meanwhile, read theirs instead.
  try {
    await writeFile(file, `${pepper.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    return pepper;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return Buffer.from((await readFile(file, "utf8")).trim(), "base64");
  }
}
