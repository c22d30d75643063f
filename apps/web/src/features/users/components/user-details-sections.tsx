import { makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { UserDetails } from "@pindesk/domain/users/user";
import { DetailsList } from "../../../components/details-list.tsx";
import { pinStatusRows, userPropertyRows } from "../lib/user-details-rows.ts";

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXL },
  heading: { display: "block", margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalS}` },
  // In a dialog the labels take a steady share, so both sections line up.
  list: { gridTemplateColumns: "minmax(140px, 40%) 1fr" },
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
      <DetailsList rows={rows} className={styles.list} />
    </section>
  );
}
