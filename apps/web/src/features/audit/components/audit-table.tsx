import { Badge, MessageBar, MessageBarBody, makeStyles } from "@fluentui/react-components";
import { AUDIT_ACTIONS, type AuditEvent } from "@pindesk/domain/audit/audit-event";
import { type Column, DataTable } from "../../../components/data-table.tsx";
import { formatDateTime } from "../../../lib/format-date-time.ts";
import { describeDetails } from "../lib/describe-details.ts";

const OUTCOME_COLOURS = { Success: "success", Failure: "danger", Denied: "warning" } as const;

const useStyles = makeStyles({
  // A SIP address or a DN is one long word: it breaks anywhere rather than widening the table or being cut.
  breakAnywhere: { overflowWrap: "anywhere", minWidth: "12ch" },
});

/**
 * Columns as wide as their content (issue 16: Time wrapped and Target was cut with no ellipsis): Time and
 * Outcome on one line, names and details wrapping where they must.
 */
const columns = (breakAnywhere: string): readonly Column<AuditEvent>[] => [
  { title: "Time", look: "oneLine", cell: (event) => formatDateTime(event.at) },
  { title: "Actor", className: breakAnywhere, cell: (event) => event.actorName },
  { title: "Action", cell: (event) => AUDIT_ACTIONS[event.action] ?? event.action },
  { title: "Target", className: breakAnywhere, cell: (event) => event.targetName ?? "" },
  {
    title: "Outcome",
    cell: (event) => (
      <Badge appearance="tint" color={OUTCOME_COLOURS[event.outcome]}>
        {event.outcome}
      </Badge>
    ),
  },
  { title: "Details", className: breakAnywhere, cell: (event) => describeDetails(event.details) },
  { title: "Client address", look: "oneLine", cell: (event) => event.clientAddress ?? "" },
];

export function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  const styles = useStyles();
  return (
    <DataTable
      label="Audit events"
      size="small"
      fitContent
      columns={columns(styles.breakAnywhere)}
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
