/** The columns of Lync's Users list, in its order (docs/design.md, "What a person sees"). */
import { makeStyles, TableCellLayout, tokens } from "@fluentui/react-components";
import { LockClosedRegular } from "@fluentui/react-icons";
import type { UserSummary } from "@pindesk/domain/users/user";
import type { Column } from "../../../components/data-table.tsx";

const useStyles = makeStyles({
  locked: { color: tokens.colorPaletteRedForeground1 },
});

const yesNo = (value: boolean) => (value ? "Yes" : "No");

function Locked() {
  const styles = useStyles();
  return (
    <TableCellLayout media={<LockClosedRegular aria-hidden className={styles.locked} />}>Yes</TableCellLayout>
  );
}

/**
 * Each with its share of the table's width: fixed, so rows rendered as the list scrolls line up with the
 * ones before them. Text is kept to one line, so every row has the height the windowed list relies on.
 */
export const RESULT_COLUMNS: readonly Column<UserSummary>[] = [
  { title: "Display name", width: "16%", look: "ellipsis", cell: (user) => user.displayName },
  { title: "SIP address", width: "22%", look: "ellipsis", cell: (user) => user.sipAddress },
  { title: "Line URI", width: "21%", look: "ellipsis", cell: (user) => user.lineUri },
  { title: "Registrar pool", width: "20%", look: "ellipsis", cell: (user) => user.registrarPool },
  { title: "Enabled", width: "6%", cell: (user) => yesNo(user.enabled) },
  { title: "PIN set", width: "6%", cell: (user) => yesNo(user.isPinSet) },
  { title: "PIN locked", width: "9%", cell: (user) => (user.isLockedOut ? <Locked /> : "No") },
];
