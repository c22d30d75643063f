/** Every PIN policy with its settings, one selectable at a time (Edit and Remove act on it). */
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TableSelectionCell,
  tokens,
} from "@fluentui/react-components";
import type { PinPolicy } from "@pindesk/domain/pins/pin-policy-api";
import { formatCommonPatterns, formatLifetime, formatLogonAttempts, SCOPE_LABELS } from "./policy-format.ts";

const useStyles = makeStyles({
  // Columns sized by their content: identities stay on one line, descriptions take what is left.
  table: { tableLayout: "auto" },
  select: { width: "44px" },
  oneLine: { whiteSpace: "nowrap" },
  row: { cursor: "pointer" },
  description: { color: tokens.colorNeutralForeground2 },
  number: { fontVariantNumeric: "tabular-nums" },
});

const COLUMNS = [
  "Identity",
  "Scope",
  "Minimum PIN length",
  "PIN history",
  "Common patterns",
  "PIN lifetime",
  "Maximum logon attempts",
  "Users affected",
  "Description",
] as const;

interface PinPoliciesTableProps {
  policies: readonly PinPolicy[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  /** A double-click opens the policy, as in Lync's lists; absent when the roles may not edit. */
  onOpen: ((policy: PinPolicy) => void) | undefined;
}

export function PinPoliciesTable({ policies, selectedId, onSelect, onOpen }: PinPoliciesTableProps) {
  const styles = useStyles();
  return (
    <Table aria-label="PIN policies" size="small" className={styles.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.select}>
            <span className="visually-hidden">Selected</span>
          </TableHeaderCell>
          {COLUMNS.map((column) => (
            <TableHeaderCell key={column}>{column}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {policies.map((policy) => {
          const selected = policy.id === selectedId;
          const { settings } = policy;
          return (
            <TableRow
              key={policy.id}
              className={styles.row}
              aria-selected={selected}
              appearance={selected ? "brand" : "none"}
              onClick={() => onSelect(policy.id)}
              onDoubleClick={onOpen && (() => onOpen(policy))}
            >
              <TableSelectionCell
                type="radio"
                checked={selected}
                radioIndicator={{ "aria-label": `Select ${policy.identity}` }}
              />
              <TableCell className={styles.oneLine}>{policy.identity}</TableCell>
              <TableCell>{SCOPE_LABELS[policy.scope]}</TableCell>
              <TableCell className={styles.number}>{settings.minPasswordLength}</TableCell>
              <TableCell className={styles.number}>{settings.pinHistoryCount}</TableCell>
              <TableCell>{formatCommonPatterns(settings.allowCommonPatterns)}</TableCell>
              <TableCell className={styles.oneLine}>{formatLifetime(settings.pinLifetime)}</TableCell>
              <TableCell>{formatLogonAttempts(settings.maximumLogonAttempts)}</TableCell>
              <TableCell className={styles.number}>{policy.usersAffected}</TableCell>
              <TableCell className={styles.description}>{settings.description}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
