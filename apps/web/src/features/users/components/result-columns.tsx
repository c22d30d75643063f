/** The columns of Lync's Users list, in its order (docs/design.md, "What a person sees"). */
import { makeStyles, TableCellLayout, tokens } from "@fluentui/react-components";
import { ClockDismissRegular, LockClosedRegular, ShieldLockRegular } from "@fluentui/react-icons";
import type { UserSummary } from "@pindesk/domain/users/user";
import type { Column } from "../../../components/data-table.tsx";

const useStyles = makeStyles({
  locked: { color: tokens.colorPaletteRedForeground1 },
  expired: { color: tokens.colorPaletteDarkOrangeForeground1 },
  protected: { color: tokens.colorNeutralForeground3 },
});

const yesNo = (value: boolean) => (value ? "Yes" : "No");

/** Said before anyone acts on them: PIN actions answer Protected for Domain Admins members. */
const PROTECTED_NOTE = "Protected (Domain Admins): PIN actions are refused";

function DisplayName({ user }: { user: UserSummary }) {
  const styles = useStyles();
  if (!user.protected) return user.displayName;
  return (
    <TableCellLayout
      truncate
      title={`${user.displayName} — ${PROTECTED_NOTE}`}
      media={<ShieldLockRegular role="img" aria-label={PROTECTED_NOTE} className={styles.protected} />}
    >
      {user.displayName}
    </TableCellLayout>
  );
}

/** Set, and past its expiration time: the bridge refuses it until it is set again. */
function PinSet({ user }: { user: UserSummary }) {
  const styles = useStyles();
  if (!user.isPinExpired) return yesNo(user.isPinSet);
  return (
    <TableCellLayout media={<ClockDismissRegular aria-hidden className={styles.expired} />}>
      Expired
    </TableCellLayout>
  );
}

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
  { title: "Display name", width: "16%", look: "ellipsis", cell: (user) => <DisplayName user={user} /> },
  { title: "SIP address", width: "22%", look: "ellipsis", cell: (user) => user.sipAddress },
  { title: "Line URI", width: "19%", look: "ellipsis", cell: (user) => user.lineUri },
  { title: "Registrar pool", width: "20%", look: "ellipsis", cell: (user) => user.registrarPool },
  { title: "Enabled", width: "6%", cell: (user) => yesNo(user.enabled) },
  { title: "PIN set", width: "8%", cell: (user) => <PinSet user={user} /> },
  { title: "PIN locked", width: "9%", cell: (user) => (user.isLockedOut ? <Locked /> : "No") },
];

const column = (title: string, width: string): Column<UserSummary> => {
  const found = RESULT_COLUMNS.find((c) => c.title === title);
  if (!found) throw new Error(`no result column ${title}`);
  return { ...found, width };
};

/**
 * At the narrow breakpoint (docs/decisions/0026-small-screens.md): the name and the PIN's state, which the
 * actions turn on; the rest is in Edit > Show details.
 */
export const NARROW_RESULT_COLUMNS: readonly Column<UserSummary>[] = [
  column("Display name", "46%"),
  column("PIN set", "24%"),
  column("PIN locked", "30%"),
];
