/** View PIN status (Get-CsClientPinInfo) for each selected user, with what Lync does not show. */
import { Spinner, TableCellLayout } from "@fluentui/react-components";
import type { PinStatusEntry } from "@pindesk/domain/pins/pin-api";
import { ApiErrorMessageBar } from "../../../../components/api-error-message-bar.tsx";
import { type Column, DataTable } from "../../../../components/data-table.tsx";
import { ResultsDialog } from "../../../../components/results-dialog.tsx";
import { usePinStatus } from "../../api/pins.ts";
import { pinStatusRows } from "../../lib/user-details-rows.ts";

interface StatusRow {
  entry: PinStatusEntry;
  /** The PIN status fields as [label, value], but Identity, which goes under the user's name. */
  fields: readonly (readonly [string, string])[];
}

export function ViewPinStatusDialog({ userIds, onClose }: { userIds: number[]; onClose: () => void }) {
  const status = usePinStatus(userIds);
  const rows: StatusRow[] = (status.data?.statuses ?? []).map((entry) => ({
    entry,
    fields: pinStatusRows(entry.status).slice(1),
  }));
  const columns: Column<StatusRow>[] = [
    {
      title: "User",
      cell: ({ entry }) => (
        <TableCellLayout description={entry.status.identity}>{entry.displayName}</TableCellLayout>
      ),
    },
    ...(rows[0]?.fields ?? []).map(([title], index) => ({
      title,
      cell: (row: StatusRow) => row.fields[index]?.[1],
    })),
  ];
  return (
    <ResultsDialog title="View PIN status" wide onClose={onClose}>
      {status.isPending && <Spinner label="Reading PIN status…" />}
      {status.isError && <ApiErrorMessageBar title="PIN status could not be read" error={status.error} />}
      {rows.length > 0 && (
        <DataTable
          label="PIN status"
          size="small"
          fitContent
          columns={columns}
          rows={rows}
          rowKey={(row) => row.entry.userId}
        />
      )}
    </ResultsDialog>
  );
}
