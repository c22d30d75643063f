/**
 * `pindesk users find`: Get-CsUser over `POST /api/users/search`, a page of 1 000 at a time up to `--max`
 * (docs/design.md, "Search box").
 */
import { MAX_PAGE_LIMIT } from "@pindesk/domain/users/search-page";
import type { UserSummary } from "@pindesk/domain/users/user";
import { SearchPageAnswer } from "../api/answers.ts";
import { EXIT_DONE } from "../errors.ts";
import { note } from "../io.ts";
import { outputFormat } from "../output/output-format.ts";
import { progressBar } from "../output/progress.ts";
import { type RowsView, render } from "../output/render.ts";
import { SEARCH_OPTIONS, searchQuery } from "../search/search-options.ts";
import { commandArgs, OUTPUT_OPTION } from "./command-args.ts";
import type { CommandContext } from "./context.ts";

export const USERS_FIND_USAGE = `pindesk users find [TEXT] [--filter "PROPERTY -eq VALUE"]… [--ldap FILTER] [--ou DN] [--max N]
                   [--output table|json|csv|ids]
  Get-CsUser: TEXT is a prefix of a name, SIP address or line URI; --filter is an Add Filter clause
  (-eq, -ne, -like, -notlike; several join with -and), e.g. "Department -eq Finance",
  'IsLockedOut -eq $true', "Title -ne Manager"; --ldap an LDAP filter; --ou an OU and those below it.
  --max defaults to 10000. Piped, it prints SIP addresses one per line (--output ids).`;

export const USER_COLUMNS: RowsView<UserSummary> = {
  columns: [
    { header: "DisplayName", value: (user) => user.displayName },
    { header: "SipAddress", value: (user) => user.sipAddress },
    { header: "LineURI", value: (user) => user.lineUri },
    { header: "RegistrarPool", value: (user) => user.registrarPool },
    { header: "Enabled", value: (user) => user.enabled },
    { header: "IsPinSet", value: (user) => user.isPinSet },
    { header: "IsLockedOut", value: (user) => user.isLockedOut },
  ],
  identity: (user) => user.sipAddress,
};

export async function usersFind(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = commandArgs(args, { ...SEARCH_OPTIONS, ...OUTPUT_OPTION }, "users find");
  if (values.help) {
    context.io.stdout.write(`${USERS_FIND_USAGE}\n`);
    return EXIT_DONE;
  }
  const format = outputFormat(values.output, !!context.io.stdout.isTTY, "ids");
  const query = searchQuery({ ...values, text: positionals.length ? positionals.join(" ") : undefined });
  const api = await context.api();
  const progress = progressBar(context.io.stderr, "Finding users");
  const users: UserSummary[] = [];
  let after: string | undefined;
  let more = false;
  try {
    do {
      const params = new URLSearchParams({ limit: String(MAX_PAGE_LIMIT) });
      if (after) params.set("after", after);
      const page = await api.post(`/api/users/search?${params}`, query, SearchPageAnswer);
      users.push(...page.users);
      after = page.nextCursor;
      more = page.more;
      // How many match is not counted (docs/design.md, "Search box"): the bar shows how many came so far.
      if (after) progress.update(users.length, null);
    } while (after);
  } finally {
    progress.done();
  }
  context.io.stdout.write(render(users, USER_COLUMNS, format));
  if (more) {
    note(
      context.io,
      `More users match than the ${query.maxUsers} shown: narrow the search, or act on every user it matches ` +
        "with pindesk pin lock|unlock|set and the same search options (a job).",
    );
  }
  const withoutSip = users.filter((user) => !user.sipAddress);
  if (format === "ids" && withoutSip.length > 0) {
    note(
      context.io,
      `${withoutSip.length} of the users found have no SIP address (not enabled for Lync Server) and are ` +
        `not listed: ${withoutSip
          .slice(0, 5)
          .map((user) => user.displayName)
          .join(", ")}${withoutSip.length > 5 ? ", …" : ""}`,
    );
  }
  return EXIT_DONE;
}
