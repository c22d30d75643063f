/**
 * `npm run dc -- <command>`: a real Active Directory domain (Samba) with the Litware directory, for
 * development and tests. Commands: start (the default), stop, reset, status, add-users N [--seed S]
 * [--offline].
 * See scripts/dc/README.md.
 */
import { dcPaths } from "./dc-config.ts";
import { type DomainFacts, domainStatus, resetDomain, startDomain, stopDomain } from "./domain.ts";
import { withDcLock } from "./lock.ts";
import { addSyntheticUsersOffline } from "./offline-fill.ts";
import { addSyntheticUsers } from "./synthetic-users.ts";

const log = (line: string) => console.log(`dc: ${line}`);

function printFacts(facts: DomainFacts): void {
  const ken = facts.users.kenmyer;
  console.log(
    [
      "",
      `  URL            ${facts.url}`,
      `  CA file        ${facts.caFile}`,
      `  Base DN        ${facts.baseDn}`,
      `  Bind DN        ${facts.bindDn}`,
      `  Bind password  ${facts.bindPassword}`,
      `  Administrator  ${facts.admin.bindDn} / ${facts.admin.password}`,
      `  Ken Myer       ${ken?.userPrincipalName} / ${ken?.password}  (${ken?.dn})`,
      "  Every Litware user has that password; try:",
      `  LDAPTLS_CACERT=${facts.caFile} ldapsearch -x -H ${facts.url} -D '${facts.bindDn}' -w '${facts.bindPassword}' \\`,
      `    -b ${facts.baseDn} '(sAMAccountName=kenmyer)' msRTCSIP-PrimaryUserAddress msRTCSIP-Line memberOf`,
      "",
    ].join("\n"),
  );
}

function parseAddUsers(args: readonly string[]): { count: number; seed: number; offline: boolean } {
  const count = Number(args[0]);
  const seedAt = args.indexOf("--seed");
  const seed = seedAt === -1 ? 1 : Number(args[seedAt + 1]);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
    throw new Error("add-users needs a count from 1 to 1 000 000: npm run dc -- add-users 1000 [--seed 7]");
  }
  if (!Number.isInteger(seed) || seed < 0) throw new Error("--seed needs a whole number ≥ 0");
  return { count, seed, offline: args.includes("--offline") };
}

async function main(args: readonly string[]): Promise<void> {
  const [command = "start", ...rest] = args;
  const paths = dcPaths();
  switch (command) {
    case "start":
      printFacts(await startDomain(log, paths));
      return;
    case "stop":
      await stopDomain(log, paths);
      return;
    case "reset":
      await resetDomain(log, paths);
      return;
    case "status": {
      const status = await domainStatus(paths);
      if (!status.running) {
        log(`Not running (folder ${paths.folder}). npm run dc starts it.`);
        process.exitCode = 1;
        return;
      }
      log(`Running (pid ${status.pid}, folder ${paths.folder}).`);
      log(`${status.users} users (${status.syntheticUsers} synthetic), ${status.groups} groups.`);
      return;
    }
    case "add-users": {
      const { count, seed, offline } = parseAddUsers(rest);
      await startDomain(log, paths);
      const result = await withDcLock(paths.folder, () =>
        offline ? addSyntheticUsersOffline(paths, count, seed, log) : addSyntheticUsers(paths, count, seed),
      );
      log(
        `Added ${result.added} synthetic users (seed ${seed}, from index ${result.firstIndex}) in ` +
          `${result.seconds.toFixed(1)} s, ${offline ? "ldbadd into the stopped DC" : "one LDIF through ldapmodify"}.`,
      );
      return;
    }
    default:
      throw new Error(
        `Unknown command ${command}: use start, stop, reset, status or add-users N [--seed S] [--offline]`,
      );
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`dc: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
