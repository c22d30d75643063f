/**
 * Lets PinDesk's sync account read tombstones, so an incremental sync sees users deleted from AD (decision
 * 0019). By default only administrators may list CN=Deleted Objects; on Windows an administrator grants it
 * with Microsoft's documented steps (KB 892806):
 *   dsacls "CN=Deleted Objects,DC=litwareinc,DC=com" /takeownership
 *   dsacls "CN=Deleted Objects,DC=litwareinc,DC=com" /G LITWAREINC\svc-pindesk:LCRP
 * Samba's samba-tool dsacl cannot see the container (it is itself deleted-flagged), so the same ACE — List
 * Contents and Read Property for the account's SID — is added to its security descriptor with the ldb tools,
 * which read and write it as SDDL.
 */
import path from "node:path";
import { BASE_DN, type DcPaths, SERVICE_ACCOUNT } from "./dc-config.ts";
import { runCommand } from "./run-command.ts";

const DELETED_OBJECTS = `CN=Deleted Objects,${BASE_DN}`;

/** An attribute's value from ldbsearch's LDIF, its folded lines joined. */
function ldifValue(ldif: string, attribute: string): string | undefined {
  const match = new RegExp(`^${attribute}: (.*(?:\\n .*)*)`, "m").exec(ldif);
  return match?.[1]?.replace(/\n /g, "");
}

export async function grantDeletedObjectsRead(paths: DcPaths): Promise<void> {
  const samDb = path.join(paths.folder, "private", "sam.ldb");
  const account = await runCommand("ldbsearch", [
    "-H",
    samDb,
    `(sAMAccountName=${SERVICE_ACCOUNT})`,
    "objectSid",
  ]);
  const sid = ldifValue(account.stdout, "objectSid");
  const current = await runCommand("ldbsearch", [
    "-H",
    samDb,
    "--show-deleted",
    "-b",
    DELETED_OBJECTS,
    "-s",
    "base",
    "nTSecurityDescriptor",
  ]);
  const sddl = ldifValue(current.stdout, "nTSecurityDescriptor");
  if (!sid || !sddl?.includes("D:"))
    throw new Error(`Cannot read ${DELETED_OBJECTS}'s security descriptor or ${SERVICE_ACCOUNT}'s SID`);
  const ace = `(A;;RPLC;;;${sid})`;
  if (sddl.includes(ace)) return;
  // The ACE goes at the end of the DACL: before the SACL (S:) if there is one.
  const sacl = sddl.indexOf("S:", sddl.indexOf("D:"));
  const updated = sacl < 0 ? `${sddl}${ace}` : `${sddl.slice(0, sacl)}${ace}${sddl.slice(sacl)}`;
  const ldif = `dn: ${DELETED_OBJECTS}\nchangetype: modify\nreplace: nTSecurityDescriptor\nnTSecurityDescriptor: ${updated}\n`;
  await runCommand("ldbmodify", ["-H", samDb, "--controls=show_deleted:1"], { input: ldif });
}
