/** View PIN status (Get-CsClientPinInfo) for each selected user, with what Lync does not show. */
import {
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { ApiErrorMessageBar } from "../../../../components/api-error-message-bar.tsx";
import { ResultsDialog } from "../../../../components/results-dialog.tsx";
import { usePinStatus } from "../../api/pins.ts";
import { pinStatusRows } from "../user-details-rows.ts";

const useStyles = makeStyles({
  // Fluent's tables share the width out evenly; these columns should take what their content needs.
  table: { tableLayout: "auto" },
});

export function ViewPinStatusDialog({ userIds, onClose }: { userIds: number[]; onClose: () => void }) {
  const styles = useStyles();
  const status = usePinStatus(userIds);
  const statuses = status.data?.statuses ?? [];
  // Identity goes under the user's name; the other fields are columns.
  const fields = (status: Parameters<typeof pinStatusRows>[0]) => pinStatusRows(status).slice(1);
  const columns = statuses[0] ? fields(statuses[0].status).map(([label]) => label) : [];
  return (
    <ResultsDialog title="View PIN status" wide onClose={onClose}>
      {status.isPending && <Spinner label="Reading PIN status…" />}
      {status.isError && <ApiErrorMessageBar title="PIN status could not be read" error={status.error} />}
      {statuses.length > 0 && (
        <Table aria-label="PIN status" size="small" className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>User</TableHeaderCell>
              {columns.map((label) => (
                <TableHeaderCell key={label}>{label}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {statuses.map((entry) => (
              <TableRow key={entry.userId}>
                <TableCell>
                  <TableCellLayout description={entry.status.identity}>{entry.displayName}</TableCellLayout>
                </TableCell>
                {fields(entry.status).map(([label, value]) => (
                  <TableCell key={label}>{value}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </ResultsDialog>
  );
}
