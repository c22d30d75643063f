/**
 * What happened to each user of a PIN action or policy assignment: done, already so, or why not
 * (protected, must unlock first, rejected by policy, not found). Up to 10 000 users answer at once: the ones
 * that need a look come first, a few hundred rows are shown, and every result is a CSV download away.
 */
import { Badge, Button, makeStyles, TableCellLayout, Text } from "@fluentui/react-components";
import type { TargetResult } from "@pindesk/domain/users/user-targets";
import type { ReactNode } from "react";
import { type Column, DataTable } from "../../../../components/data-table.tsx";
import { downloadFile } from "../../../../lib/download-file.ts";
import { formatCount } from "../../lib/result-counts.ts";
import { OUTCOME_LABELS, orderResults, resultsCsv, summarizeResults } from "../../lib/target-results.ts";

const useStyles = makeStyles({
  // "Already unlocked" on one line: a badge is a pill, and two lines overflow it.
  badge: { whiteSpace: "nowrap" },
});

/** Rows shown before the rest is left to the download; Set PIN's (at most 1 000, each with its PIN) all show. */
const SHOWN_ROWS = 500;

interface TargetResultsTableProps<R extends TargetResult> {
  results: readonly R[];
  /** An extra column (the generated PIN of Set PIN), after the outcome. */
  extra?: { header: string; cell: (result: R) => ReactNode };
}

export function TargetResultsTable<R extends TargetResult>({ results, extra }: TargetResultsTableProps<R>) {
  const styles = useStyles();
  const ordered = orderResults(results);
  const shown = extra ? ordered : ordered.slice(0, SHOWN_ROWS);
  const columns: Column<R>[] = [
    {
      title: "User",
      cell: (result) => (
        <TableCellLayout description={result.displayName ? result.identity : undefined}>
          {result.displayName || result.identity}
        </TableCellLayout>
      ),
    },
    {
      title: "Result",
      cell: (result) => {
        const [label, color] = OUTCOME_LABELS[result.outcome];
        return (
          <Badge appearance="tint" color={color} className={styles.badge}>
            {label}
          </Badge>
        );
      },
    },
    ...(extra ? [{ title: extra.header, cell: extra.cell }] : []),
    { title: "Details", cell: (result) => result.message },
  ];
  return (
    <>
      <Text as="p" block weight="semibold">
        {summarizeResults(results)}
      </Text>
      {shown.length < results.length && (
        <Text as="p" block>
          The first {formatCount(shown.length)} of {formatCount(results.length)} results are shown, those that
          need a look first.{" "}
          <Button
            size="small"
            onClick={() =>
              downloadFile(resultsCsv(results), "text/csv;charset=utf-8", "PIN action results.csv")
            }
          >
            Download every result (CSV)
          </Button>
        </Text>
      )}
      <DataTable
        label="Results"
        size="small"
        fitContent
        columns={columns}
        rows={shown}
        rowKey={(result) => `${result.userId ?? "none"}:${result.identity}`}
      />
    </>
  );
}
