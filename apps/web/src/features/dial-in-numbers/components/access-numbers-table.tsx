/** Every dial-in access number, one selectable at a time (Edit and Remove act on it). */
import { makeStyles, TableHeaderCell, TableSelectionCell } from "@fluentui/react-components";
import type { DialInAccessNumber } from "@pindesk/domain/dial-in/access-number-api";
import { type Column, DataTable } from "../../../components/data-table.tsx";

const useStyles = makeStyles({
  select: { width: "44px" },
  row: { cursor: "pointer" },
});

/** The attendant's languages, the primary first, as the dial-in page lists them. */
export const formatLanguages = (number: DialInAccessNumber) =>
  [number.primaryLanguage, ...number.secondaryLanguages].join(", ");

const COLUMNS: readonly Column<DialInAccessNumber>[] = [
  { title: "Display name", cell: (number) => number.displayName },
  { title: "Number", look: "oneLine", cell: (number) => number.displayNumber },
  { title: "Line URI", look: "oneLine", cell: (number) => number.lineUri },
  { title: "Regions", cell: (number) => number.regions.join(", ") },
  { title: "Languages", cell: formatLanguages },
];

interface AccessNumbersTableProps {
  numbers: readonly DialInAccessNumber[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  /** A double-click opens the number, as in Lync's lists; absent when the roles may not edit. */
  onOpen: ((number: DialInAccessNumber) => void) | undefined;
}

export function AccessNumbersTable({ numbers, selectedId, onSelect, onOpen }: AccessNumbersTableProps) {
  const styles = useStyles();
  return (
    <DataTable
      label="Dial-in access numbers"
      size="small"
      fitContent
      columns={COLUMNS}
      rows={numbers}
      rowKey={(number) => number.id}
      empty={<p>No dial-in access numbers yet.</p>}
      leading={{
        header: (
          <TableHeaderCell className={styles.select}>
            <span className="visually-hidden">Selected</span>
          </TableHeaderCell>
        ),
        cell: (number) => (
          <TableSelectionCell
            type="radio"
            checked={number.id === selectedId}
            radioIndicator={{ "aria-label": `Select ${number.displayName}` }}
          />
        ),
      }}
      rowProps={(number) => ({
        className: styles.row,
        "aria-selected": number.id === selectedId,
        appearance: number.id === selectedId ? "brand" : "none",
        onClick: () => onSelect(number.id),
        onDoubleClick: onOpen && (() => onOpen(number)),
      })}
    />
  );
}
