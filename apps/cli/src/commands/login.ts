/**
 * `pindesk login` / `pindesk logout`. Login signs in as the web page does (user name and password, the
 * server's Origin), makes an API token named after this machine, signs the session out again and keeps the
 * URL and token in the config file (0600). Logout revokes that token with itself and deletes the file.
 */
import { hostname } from "node:os";
import { CreateApiTokenRequest } from "@pindesk/domain/auth/api-tokens";
import { CreatedApiTokenAnswer, RevokedApiTokenAnswer } from "../api/answers.ts";
import { ApiRefusal, PinDeskApi } from "../api/api-client.ts";
import { configPath, forgetLogin, readLogin, writeLogin } from "../config/config-file.ts";
import { serverUrl } from "../config/connection.ts";
import { EXIT_DONE, UsageError } from "../errors.ts";
import { note } from "../io.ts";
import { ConsoleSession } from "../login/console-session.ts";
import { prompter } from "../login/prompt.ts";
import { wholeNumber } from "../search/search-options.ts";
import { commandArgs } from "./command-args.ts";
import type { CommandContext } from "./context.ts";

export const LOGIN_USAGE = `pindesk login [--url URL] [--user NAME] [--name TOKEN_NAME] [--expires-in-days N] [--roles R1,R2]
      signs in (asks what is not given, and the password), makes an API token (default 90 days, all your
      roles) and keeps it in $XDG_CONFIG_HOME/pindesk/config.json (~/.config/pindesk), readable by you only
  pindesk logout [--keep-token]      revokes the stored token and deletes the file (--keep-token: only deletes it)`;

export async function loginCommand(args: string[], context: CommandContext): Promise<number> {
  const { values } = commandArgs(
    args,
    {
      url: { type: "string" },
      user: { type: "string" },
      name: { type: "string" },
      "expires-in-days": { type: "string" },
      roles: { type: "string" },
    },
    "login",
  );
  const { io } = context;
  if (values.help) {
    io.stdout.write(`${LOGIN_USAGE}\n`);
    return EXIT_DONE;
  }
  const request = CreateApiTokenRequest.safeParse({
    name: values.name ?? `pindesk on ${hostname()}`,
    ...(values["expires-in-days"] === undefined
      ? {}
      : { expiresInDays: wholeNumber(values["expires-in-days"], "expires-in-days", 1, 365) }),
    ...(values.roles === undefined ? {} : { roles: values.roles.split(",").map((role) => role.trim()) }),
  });
  if (!request.success) {
    const issue = request.error.issues[0];
    throw new UsageError(`--${issue?.path[0] === "roles" ? "roles" : "name"}: ${issue?.message}`);
  }
  const file = configPath(io.env);
  const questions = prompter(io);
  let session: ConsoleSession;
  try {
    const url = serverUrl(values.url ?? io.env.PINDESK_URL ?? (await questions.ask("PinDesk URL: ")));
    if (!isSafeTransport(url)) {
      note(
        io,
        `pindesk: warning: ${url} is not HTTPS, so the password and the token cross the network readable.`,
      );
    }
    const user = values.user ?? (await questions.ask("User name: "));
    const password = await questions.askSecret("Password: ");
    session = await ConsoleSession.signIn(url, user, password);
  } finally {
    questions.close();
  }
  try {
    const made = await session.call("POST", "/api/api-tokens", request.data, CreatedApiTokenAnswer);
    await writeLogin(file, {
      url: session.url,
      token: made.token,
      tokenId: made.apiToken.id,
      tokenName: made.apiToken.name,
      username: session.username,
      expiresAt: made.apiToken.expiresAt,
    });
    const roles = made.apiToken.roles ? made.apiToken.roles.join(", ") : "all of yours";
    note(
      io,
      `Signed in to ${session.url} as ${session.username}. API token "${made.apiToken.name}" ` +
        `(roles: ${roles}) expires ${made.apiToken.expiresAt}; kept in ${file}.`,
    );
  } finally {
    await session.signOut();
  }
  return EXIT_DONE;
}

export async function logoutCommand(args: string[], context: CommandContext): Promise<number> {
  const { values } = commandArgs(args, { "keep-token": { type: "boolean" } }, "logout");
  const { io } = context;
  if (values.help) {
    io.stdout.write(`${LOGIN_USAGE}\n`);
    return EXIT_DONE;
  }
  const file = configPath(io.env);
  const stored = await readLogin(file);
  if (!stored) {
    note(io, `Not signed in: there is no ${file}.`);
    return EXIT_DONE;
  }
  if (!values["keep-token"] && stored.tokenId !== undefined) {
    const api = new PinDeskApi({ url: stored.url, token: stored.token });
    try {
      await api.post(`/api/api-tokens/${stored.tokenId}/revoke`, undefined, RevokedApiTokenAnswer);
      note(io, `Revoked the API token "${stored.tokenName ?? stored.tokenId}".`);
    } catch (error) {
      // An expired or revoked token cannot revoke itself, and needs no revoking.
      if (!(error instanceof ApiRefusal && error.status === 401)) throw error;
      note(io, `The API token was already unusable (${error.error.message})`);
    }
  }
  await forgetLogin(file);
  note(io, `Signed out of ${stored.url}: deleted ${file}.`);
  if (io.env.PINDESK_TOKEN) note(io, "PINDESK_TOKEN is still set in this shell: unset it too.");
  return EXIT_DONE;
}

/** HTTPS, or plain HTTP to this machine only (a development server). */
export function isSafeTransport(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(hostname);
}
