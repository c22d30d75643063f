/**
 * What happened to each user of a PIN action or policy assignment, as the results table and its CSV name it:
 * the ones that need a look first, what was already so next, what was done last.
 */
import type { BadgeProps } from "@fluentui/react-components";
import { CSV_BYTE_ORDER_MARK, csvRecord } from "@pindesk/domain/csv/csv";
import type { TargetOutcome, TargetResult } from "@pindesk/domain/users/user-targets";
import { formatCount } from "./result-counts.ts";

export const OUTCOME_LABELS: Record<TargetOutcome, [label: string, colour: BadgeProps["color"]]> = {
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

/** A stable sort: within each kind, the users stay in the order they were asked for. */
export function orderResults<R extends TargetResult>(results: readonly R[]): R[] {
  return [...results].sort((a, b) => ORDER[a.outcome] - ORDER[b.outcome]);
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

/**
 * Every result as CSV, for the download when the dialog shows only the first few hundred; with the byte
 * order mark the server's downloads carry, so Excel reads the names as UTF-8.
 */
export function resultsCsv(results: readonly TargetResult[]): string {
  const header = csvRecord(["Display name", "Identity", "Result", "Details"]);
  const rows = results.map((r) =>
    csvRecord([r.displayName, r.identity, OUTCOME_LABELS[r.outcome][0], r.message]),
  );
  return CSV_BYTE_ORDER_MARK + header + rows.join("");
}
