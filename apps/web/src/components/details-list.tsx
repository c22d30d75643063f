/** Label and value pairs in two columns, as a description list: a user's properties, a sync's facts. */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  list: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  // Each label and value pair sits in the two grid columns as if the wrapper were not there.
  pair: { display: "contents" },
  value: { margin: 0, overflowWrap: "anywhere" },
});

export type DetailsRow = readonly [label: string, value: ReactNode];

export function DetailsList({ rows, className }: { rows: readonly DetailsRow[]; className?: string }) {
  const styles = useStyles();
  return (
    <dl className={mergeClasses(styles.list, className)}>
      {rows.map(([label, value]) => (
        <div key={label} className={styles.pair}>
          <dt className={styles.term}>{label}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
