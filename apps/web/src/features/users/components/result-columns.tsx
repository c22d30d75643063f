/** The columns of Lync's Users list, in its order (docs/design.md, "What a person sees"). */
import { makeStyles, TableCellLayout, tokens } from "@fluentui/react-components";
import { ClockDismissRegular, LockClosedRegular, ShieldLockRegular } from "@fluentui/react-icons";
import type { UserSummary } from "@pindesk/domain/users/user";
import type { Column } from "../../../components/data-table.tsx";
import type { SizedColumn } from "../lib/column-widths.ts";

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

/** A column of Search results, with the text its width is measured by (lib/column-widths.ts). */
export type ResultColumn = Column<UserSummary> & SizedColumn<UserSummary>;

/**
 * Text is kept to one line, so every row has the height the windowed list relies on; the widths come from
 * the loaded rows (fitColumnWidths), and what the ellipsis still cuts is in the cell's tooltip.
 */
export const RESULT_COLUMNS: readonly ResultColumn[] = [
  {
    title: "Display name",
    look: "ellipsis",
    text: (user) => user.displayName,
    extra: 28, // the Protected mark
    cell: (user) => <DisplayName user={user} />,
  },
  {
    title: "SIP address",
    look: "ellipsis",
    text: (user) => user.sipAddress,
    cell: (user) => user.sipAddress,
  },
  { title: "Line URI", look: "ellipsis", text: (user) => user.lineUri, cell: (user) => user.lineUri },
  {
    title: "Registrar pool",
    look: "ellipsis",
    text: (user) => user.registrarPool,
    cell: (user) => user.registrarPool,
  },
  { title: "Enabled", text: (user) => yesNo(user.enabled), cell: (user) => yesNo(user.enabled) },
  {
    title: "PIN set",
    text: (user) => (user.isPinExpired ? "Expired" : yesNo(user.isPinSet)),
    extra: 28, // the Expired mark
    cell: (user) => <PinSet user={user} />,
  },
  {
    title: "PIN locked",
    text: (user) => yesNo(user.isLockedOut),
    cell: (user) => (user.isLockedOut ? <Locked /> : "No"),
  },
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
