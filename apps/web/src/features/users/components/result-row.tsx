import {
  makeStyles,
  TableCell,
  TableCellLayout,
  TableRow,
  TableSelectionCell,
  tokens,
} from "@fluentui/react-components";
import { LockClosedRegular } from "@fluentui/react-icons";
import type { UserSummary } from "@pindesk/domain/users/user";
import { memo } from "react";
import type { ClickModifiers } from "./use-row-selection.ts";

const useStyles = makeStyles({
  row: { cursor: "default" },
  // One line per row keeps every row the same height, which the windowed list relies on.
  cell: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  locked: { color: tokens.colorPaletteRedForeground1 },
});

const yesNo = (value: boolean) => (value ? "Yes" : "No");

interface ResultRowProps {
  user: UserSummary;
  /** The row's position in the whole list (header = 1), when only part of the list is rendered. */
  rowIndex: number | undefined;
  selected: boolean;
  onToggle: (id: number) => void;
  onClick: (id: number, modifiers: ClickModifiers) => void;
  onOpen: (user: UserSummary) => void;
}

/** One user in Search results. Memoised: selecting a row must not re-render thousands of others. */
export const ResultRow = memo(function ResultRow({
  user,
  rowIndex,
  selected,
  onToggle,
  onClick,
  onOpen,
}: ResultRowProps) {
  const styles = useStyles();
  return (
    <TableRow
      data-user-row
      className={styles.row}
      aria-rowindex={rowIndex}
      aria-selected={selected}
      appearance={selected ? "brand" : "none"}
      onMouseDown={(event) => {
        // Shift-click extends the selection and a double-click opens details; neither should also select text.
        if (event.shiftKey || event.detail > 1) event.preventDefault();
      }}
      onClick={(event) => onClick(user.id, event)}
      onDoubleClick={() => {
        onClick(user.id, { ctrlKey: false, metaKey: false, shiftKey: false });
        onOpen(user);
      }}
    >
      <TableSelectionCell
        checked={selected}
        checkboxIndicator={{ "aria-label": `Select ${user.displayName}` }}
        onClick={(event) => {
          // The checkbox toggles just this row; the row's own click would select only it.
          event.stopPropagation();
          onToggle(user.id);
        }}
        onDoubleClick={(event) => event.stopPropagation()}
      />
      {/* title shows a value the column cuts short; the full text is in the page for screen readers anyway. */}
      <TextCell text={user.displayName} className={styles.cell} />
      <TextCell text={user.sipAddress} className={styles.cell} />
      <TextCell text={user.lineUri} className={styles.cell} />
      <TextCell text={user.registrarPool} className={styles.cell} />
      <TableCell>{yesNo(user.enabled)}</TableCell>
      <TableCell>{yesNo(user.isPinSet)}</TableCell>
      <TableCell>
        {user.isLockedOut ? (
          <TableCellLayout media={<LockClosedRegular aria-hidden className={styles.locked} />}>
            Yes
          </TableCellLayout>
        ) : (
          "No"
        )}
      </TableCell>
    </TableRow>
  );
});

function TextCell({ text, className }: { text: string | null; className: string }) {
  return (
    <TableCell className={className} title={text ?? undefined}>
      {text}
    </TableCell>
  );
}
