/** Every PIN policy with its settings, one selectable at a time (Edit and Remove act on it). */
import { makeStyles, TableHeaderCell, TableSelectionCell, tokens } from "@fluentui/react-components";
import type { PinPolicy } from "@pindesk/domain/pins/pin-policy-api";
import { type Column, DataTable } from "../../../components/data-table.tsx";
import {
  formatCommonPatterns,
  formatLifetime,
  formatLogonAttempts,
  SCOPE_LABELS,
} from "../lib/policy-format.ts";

const useStyles = makeStyles({
  select: { width: "44px" },
  row: { cursor: "pointer" },
  description: { color: tokens.colorNeutralForeground2 },
});

/** Identities stay on one line; descriptions take what is left. */
const SETTINGS_COLUMNS: readonly Column<PinPolicy>[] = [
  { title: "Identity", look: "oneLine", cell: (policy) => policy.identity },
  { title: "Scope", cell: (policy) => SCOPE_LABELS[policy.scope] },
  { title: "Minimum PIN length", look: "figures", cell: (policy) => policy.settings.minPasswordLength },
  { title: "PIN history", look: "figures", cell: (policy) => policy.settings.pinHistoryCount },
  { title: "Common patterns", cell: (policy) => formatCommonPatterns(policy.settings.allowCommonPatterns) },
  { title: "PIN lifetime", look: "oneLine", cell: (policy) => formatLifetime(policy.settings.pinLifetime) },
  {
    title: "Maximum logon attempts",
    cell: (policy) => formatLogonAttempts(policy.settings.maximumLogonAttempts),
  },
  { title: "Users affected", look: "figures", cell: (policy) => policy.usersAffected },
];

interface PinPoliciesTableProps {
  policies: readonly PinPolicy[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  /** A double-click opens the policy, as in Lync's lists; absent when the roles may not edit. */
  onOpen: ((policy: PinPolicy) => void) | undefined;
}

export function PinPoliciesTable({ policies, selectedId, onSelect, onOpen }: PinPoliciesTableProps) {
  const styles = useStyles();
  const columns: Column<PinPolicy>[] = [
    ...SETTINGS_COLUMNS,
    { title: "Description", className: styles.description, cell: (policy) => policy.settings.description },
  ];
  return (
    <DataTable
      label="PIN policies"
      size="small"
      fitContent
      columns={columns}
      rows={policies}
      rowKey={(policy) => policy.id}
      leading={{
        header: (
          <TableHeaderCell className={styles.select}>
            <span className="visually-hidden">Selected</span>
          </TableHeaderCell>
        ),
        cell: (policy) => (
          <TableSelectionCell
            type="radio"
            checked={policy.id === selectedId}
            radioIndicator={{ "aria-label": `Select ${policy.identity}` }}
          />
        ),
      }}
      rowProps={(policy) => ({
        className: styles.row,
        "aria-selected": policy.id === selectedId,
        appearance: policy.id === selectedId ? "brand" : "none",
        onClick: () => onSelect(policy.id),
        onDoubleClick: onOpen && (() => onOpen(policy)),
      })}
    />
  );
}
