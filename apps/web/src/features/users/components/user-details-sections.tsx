import { makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { UserDetails } from "@pindesk/domain/users/user";
import { pinStatusRows, userPropertyRows } from "../lib/user-details-rows.ts";

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXL },
  heading: { display: "block", margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalS}` },
  list: {
    display: "grid",
    gridTemplateColumns: "minmax(140px, 40%) 1fr",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  // Each label and value pair sits in the two grid columns as if the wrapper were not there.
  pair: { display: "contents" },
  value: { margin: 0, overflowWrap: "anywhere" },
});

export function UserDetailsSections({ user }: { user: UserDetails }) {
  return (
    <>
      <DetailsSection title="User" rows={userPropertyRows(user)} />
      <DetailsSection title="PIN status" rows={pinStatusRows(user.pinStatus)} />
    </>
  );
}

function DetailsSection({ title, rows }: { title: string; rows: readonly (readonly [string, string])[] }) {
  const styles = useStyles();
  return (
    <section className={styles.section}>
      <Subtitle2 as="h3" className={styles.heading}>
        {title}
      </Subtitle2>
      <dl className={styles.list}>
        {rows.map(([label, value]) => (
          <div key={label} className={styles.pair}>
            <dt className={styles.term}>{label}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
