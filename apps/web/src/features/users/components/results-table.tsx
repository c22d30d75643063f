import {
  makeStyles,
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TableSelectionCell,
  tokens,
} from "@fluentui/react-components";
import type { UserSummary } from "@pindesk/domain/users/user";
import { ResultRow } from "./result-row.tsx";
import type { ClickModifiers } from "./use-row-selection.ts";
import { useRowWindow } from "./use-row-window.ts";

const useStyles = makeStyles({
  // Fixed column widths: rows rendered as the list scrolls must line up with the ones before them.
  table: { tableLayout: "fixed", minWidth: "960px" },
  // The column titles stay in view while a long list scrolls.
  header: { position: "sticky", top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  spacer: { border: "none" },
});

/** The columns of Lync's Users list, in its order (DESIGN §5), with their share of the table's width. */
const RESULT_COLUMNS = [
  { title: "Display name", width: "16%" },
  { title: "SIP address", width: "22%" },
  { title: "Line URI", width: "21%" },
  { title: "Registrar pool", width: "20%" },
  { title: "Enabled", width: "6%" },
  { title: "PIN set", width: "6%" },
  { title: "PIN locked", width: "9%" },
] as const;

interface ResultsTableProps {
  users: readonly UserSummary[];
  selected: ReadonlySet<number>;
  allSelected: boolean;
  someSelected: boolean;
  onToggleAll: () => void;
  onToggle: (id: number) => void;
  onClick: (id: number, modifiers: ClickModifiers) => void;
  onOpen: (user: UserSummary) => void;
}

export function ResultsTable(props: ResultsTableProps) {
  const styles = useStyles();
  const rows = useRowWindow(props.users.length);
  const windowed = rows.start > 0 || rows.end < props.users.length;
  return (
    <Table
      aria-label="Search results"
      // With only part of the list in the page, the counts tell a screen reader where each row really is.
      aria-rowcount={windowed ? props.users.length + 1 : undefined}
      size="small"
      className={styles.table}
    >
      <TableHeader className={styles.header}>
        <TableRow aria-rowindex={windowed ? 1 : undefined}>
          <TableSelectionCell
            checked={props.allSelected ? true : props.someSelected ? "mixed" : false}
            checkboxIndicator={{ "aria-label": "Select all rows" }}
            onClick={props.onToggleAll}
          />
          {RESULT_COLUMNS.map((column) => (
            <TableHeaderCell key={column.title} style={{ width: column.width }}>
              {column.title}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody ref={rows.bodyRef}>
        {rows.spaceBefore > 0 && <Spacer height={rows.spaceBefore} className={styles.spacer} />}
        {props.users.slice(rows.start, rows.end).map((user, offset) => (
          <ResultRow
            key={user.id}
            user={user}
            rowIndex={windowed ? rows.start + offset + 2 : undefined}
            selected={props.selected.has(user.id)}
            onToggle={props.onToggle}
            onClick={props.onClick}
            onOpen={props.onOpen}
          />
        ))}
        {rows.spaceAfter > 0 && <Spacer height={rows.spaceAfter} className={styles.spacer} />}
      </TableBody>
    </Table>
  );
}

/** Blank space the size of the rows not rendered, so the scrollbar reflects the whole list. */
function Spacer({ height, className }: { height: number; className: string }) {
  return (
    <tr aria-hidden className={className} style={{ height }}>
      <td colSpan={RESULT_COLUMNS.length + 1} />
    </tr>
  );
}
