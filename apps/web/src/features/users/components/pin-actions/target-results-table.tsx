/**
 * What happened to each user of a PIN action or policy assignment: done, already so, or why not
 * (protected, must unlock first, rejected by policy, not found).
 */
import {
  Badge,
  type BadgeProps,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import type { TargetOutcome, TargetResult } from "@pindesk/domain/users/user-targets";
import type { ReactNode } from "react";

// Fluent's tables share the width out evenly; these columns should take what their content needs.
const useStyles = makeStyles({ table: { tableLayout: "auto" } });

const OUTCOME_LABELS: Record<TargetOutcome, [string, BadgeProps["color"]]> = {
  Done: ["Done", "success"],
  WouldChange: ["Would change", "informative"],
  AlreadyLocked: ["Already locked", "subtle"],
  AlreadyUnlocked: ["Already unlocked", "subtle"],
  AlreadyAssigned: ["Already assigned", "subtle"],
  Protected: ["Protected user", "warning"],
  MustUnlockFirst: ["Unlock first", "warning"],
  Rejected: ["Rejected", "danger"],
  NotFound: ["Not found", "danger"],
};

/** One line: "3 done, 1 protected user". */
export function summarizeResults(results: readonly TargetResult[]): string {
  const counts = new Map<string, number>();
  for (const { outcome } of results) {
    const label = OUTCOME_LABELS[outcome][0].toLowerCase();
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => `${count} ${label}`).join(", ");
}

interface TargetResultsTableProps<R extends TargetResult> {
  results: readonly R[];
  /** An extra column (the generated PIN of Set PIN), after the outcome. */
  extra?: { header: string; cell: (result: R) => ReactNode };
}

export function TargetResultsTable<R extends TargetResult>({ results, extra }: TargetResultsTableProps<R>) {
  const styles = useStyles();
  return (
    <>
      <Text as="p" weight="semibold">
        {summarizeResults(results)}
      </Text>
      <Table aria-label="Results" size="small" className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>User</TableHeaderCell>
            <TableHeaderCell>Result</TableHeaderCell>
            {extra && <TableHeaderCell>{extra.header}</TableHeaderCell>}
            <TableHeaderCell>Details</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {results.map((result) => {
            const [label, color] = OUTCOME_LABELS[result.outcome];
            return (
              <TableRow key={`${result.userId ?? "none"}:${result.identity}`}>
                <TableCell>
                  <TableCellLayout description={result.displayName ? result.identity : undefined}>
                    {result.displayName || result.identity}
                  </TableCellLayout>
                </TableCell>
                <TableCell>
                  <Badge appearance="tint" color={color}>
                    {label}
                  </Badge>
                </TableCell>
                {extra && <TableCell>{extra.cell(result)}</TableCell>}
                <TableCell>{result.message}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
