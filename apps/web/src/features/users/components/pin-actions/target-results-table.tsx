/**
 * What happened to each user of a PIN action or policy assignment: done, already so, or why not
 * (protected, must unlock first, rejected by policy, not found). Up to 10 000 users answer at once: the ones
 * that need a look come first, a few hundred rows are shown, and every result is a CSV download away.
 */
import {
  Badge,
  type BadgeProps,
  Button,
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
import { csvRecord } from "@pindesk/domain/csv/csv";
import type { TargetOutcome, TargetResult } from "@pindesk/domain/users/user-targets";
import type { ReactNode } from "react";
import { downloadFile } from "../../../../lib/download-file.ts";
import { formatCount } from "../result-counts.ts";

// Fluent's tables share the width out evenly; these columns should take what their content needs.
const useStyles = makeStyles({
  table: { tableLayout: "auto" },
  // "Already unlocked" on one line: a badge is a pill, and two lines overflow it.
  badge: { whiteSpace: "nowrap" },
});

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

/** Rows shown before the rest is left to the download; Set PIN's (at most 1 000, each with its PIN) all show. */
const SHOWN_ROWS = 500;

/** What needs the administrator's attention first, what was already so next, what was done last. */
const ORDER: Record<TargetOutcome, number> = {
  NotFound: 0,
  Rejected: 0,
  Protected: 0,
  MustUnlockFirst: 0,
  AlreadyLocked: 1,
  AlreadyUnlocked: 1,
  AlreadyAssigned: 1,
  Done: 2,
  WouldChange: 2,
};

function downloadResults(results: readonly TargetResult[]) {
  const header = csvRecord(["Display name", "Identity", "Result", "Details"]);
  const rows = results.map((r) =>
    csvRecord([r.displayName, r.identity, OUTCOME_LABELS[r.outcome][0], r.message]),
  );
  downloadFile(header + rows.join(""), "text/csv;charset=utf-8", "PIN action results.csv");
}

/** One line: "3 done, 1 protected user". */
export function summarizeResults(results: readonly TargetResult[]): string {
  const counts = new Map<string, number>();
  for (const { outcome } of results) {
    const label = OUTCOME_LABELS[outcome][0].toLowerCase();
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => `${formatCount(count)} ${label}`).join(", ");
}

interface TargetResultsTableProps<R extends TargetResult> {
  results: readonly R[];
  /** An extra column (the generated PIN of Set PIN), after the outcome. */
  extra?: { header: string; cell: (result: R) => ReactNode };
}

export function TargetResultsTable<R extends TargetResult>({ results, extra }: TargetResultsTableProps<R>) {
  const styles = useStyles();
  // A stable sort: within each kind, the users stay in the order they were asked for.
  const ordered = [...results].sort((a, b) => ORDER[a.outcome] - ORDER[b.outcome]);
  const shown = extra ? ordered : ordered.slice(0, SHOWN_ROWS);
  return (
    <>
      <Text as="p" block weight="semibold">
        {summarizeResults(results)}
      </Text>
      {shown.length < results.length && (
        <Text as="p" block>
          The first {formatCount(shown.length)} of {formatCount(results.length)} results are shown, those that
          need a look first.{" "}
          <Button size="small" onClick={() => downloadResults(results)}>
            Download every result (CSV)
          </Button>
        </Text>
      )}
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
          {shown.map((result) => {
            const [label, color] = OUTCOME_LABELS[result.outcome];
            return (
              <TableRow key={`${result.userId ?? "none"}:${result.identity}`}>
                <TableCell>
                  <TableCellLayout description={result.displayName ? result.identity : undefined}>
                    {result.displayName || result.identity}
                  </TableCellLayout>
                </TableCell>
                <TableCell>
                  <Badge appearance="tint" color={color} className={styles.badge}>
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
