import { Badge, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { AUDIT_ACTIONS, type AuditEvent } from "@pindesk/domain/audit/audit-event";
import { type Column, DataTable } from "../../../components/data-table.tsx";
import { formatDateTime } from "../../../lib/format-date-time.ts";
import { describeDetails } from "../lib/describe-details.ts";

const OUTCOME_COLOURS = { Success: "success", Failure: "danger", Denied: "warning" } as const;

const COLUMNS: readonly Column<AuditEvent>[] = [
  { title: "Time", cell: (event) => formatDateTime(event.at) },
  { title: "Actor", cell: (event) => event.actorName },
  { title: "Action", cell: (event) => AUDIT_ACTIONS[event.action] ?? event.action },
  { title: "Target", cell: (event) => event.targetName ?? "" },
  {
    title: "Outcome",
    cell: (event) => (
      <Badge appearance="tint" color={OUTCOME_COLOURS[event.outcome]}>
        {event.outcome}
      </Badge>
    ),
  },
  { title: "Details", cell: (event) => describeDetails(event.details) },
  { title: "Client address", cell: (event) => event.clientAddress ?? "" },
];

export function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  return (
    <DataTable
      label="Audit events"
      size="small"
      columns={COLUMNS}
      rows={events}
      rowKey={(event) => event.id}
      empty={
        <MessageBar intent="info">
          <MessageBarBody>No audit events match these filters.</MessageBarBody>
        </MessageBar>
      }
    />
  );
}
