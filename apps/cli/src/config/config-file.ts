/**
 * Where `pindesk login` keeps the server's URL and the API token: `$XDG_CONFIG_HOME/pindesk/config.json`
 * (or `~/.config/pindesk/config.json`), readable by its owner only (0600 in a 0700 folder), as a token is a
 * password.
 */
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { CannotRun } from "../errors.ts";

export const StoredLogin = z.object({
  url: z.string(),
  token: z.string(),
  /** For `pindesk logout`, which revokes the token by its id. */
  tokenId: z.number().optional(),
  tokenName: z.string().optional(),
  username: z.string().optional(),
  expiresAt: z.string().optional(),
});
export type StoredLogin = z.infer<typeof StoredLogin>;

export function configPath(env: Record<string, string | undefined>): string {
  const base = env.XDG_CONFIG_HOME || path.join(env.HOME || homedir(), ".config");
  return path.join(base, "pindesk", "config.json");
}

export async function readLogin(file: string): Promise<StoredLogin | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new CannotRun(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return StoredLogin.parse(JSON.parse(text));
  } catch {
    throw new CannotRun(`${file} is not a pindesk login; run pindesk login again (or delete the file)`);
  }
}

export async function writeLogin(file: string, login: StoredLogin): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written with 0600 from the start; chmod as well, for a file an older login left with other bits.
  await writeFile(file, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
}

export const forgetLogin = (file: string) => rm(file, { force: true });
