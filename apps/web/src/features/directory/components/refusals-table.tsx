/** The AD entries the syncs could not take, and why: each is left out of PinDesk until it is fixed in AD. */
import { makeStyles, Subtitle1, Text, tokens } from "@fluentui/react-components";
import type { DirectoryRefusal, DirectoryStatus } from "@pindesk/domain/directory/directory-sync";
import { type Column, DataTable } from "../../../components/data-table.tsx";
import { unlistedRefusals } from "../lib/sync-format.ts";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  dn: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  quiet: { color: tokens.colorNeutralForeground3 },
});

export function RefusalsSection({ status }: { status: DirectoryStatus }) {
  const styles = useStyles();
  const columns: Column<DirectoryRefusal>[] = [
    { title: "Distinguished name", width: "55%", className: styles.dn, cell: (r) => r.distinguishedName },
    { title: "Reason", cell: (r) => r.reason },
  ];
  const more = unlistedRefusals(status);
  return (
    <section className={styles.section} aria-labelledby="directory-refusals">
      <Subtitle1 as="h2" id="directory-refusals">
        Refused entries
      </Subtitle1>
      <Text className={styles.quiet}>
        Users the syncs found but could not take, such as one whose SIP address is not a sip: URI. They stay
        out of PinDesk until they are corrected in Active Directory.
      </Text>
      <DataTable
        label="Refused entries"
        size="small"
        columns={columns}
        rows={status.refusals}
        rowKey={(r) => r.distinguishedName}
        empty={<Text>No entry was refused.</Text>}
      />
      {more > 0 && <Text>…and {more.toLocaleString()} more, not listed here.</Text>}
    </section>
  );
}
