import { Badge, MessageBar, MessageBarBody, makeStyles } from "@fluentui/react-components";
import { AUDIT_ACTIONS, type AuditEvent } from "@pindesk/domain/audit/audit-event";
import { type Column, DataTable, type TableSort } from "../../../components/data-table.tsx";
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
  { title: "Time", sortKey: "time", look: "oneLine", cell: (event) => formatDateTime(event.at) },
  { title: "Actor", sortKey: "actor", className: breakAnywhere, cell: (event) => event.actorName },
  { title: "Action", sortKey: "action", cell: (event) => AUDIT_ACTIONS[event.action] ?? event.action },
  { title: "Target", sortKey: "target", className: breakAnywhere, cell: (event) => event.targetName ?? "" },
  {
    title: "Outcome",
    sortKey: "outcome",
    cell: (event) => (
      <Badge appearance="tint" color={OUTCOME_COLOURS[event.outcome]}>
        {event.outcome}
      </Badge>
    ),
  },
  { title: "Details", className: breakAnywhere, cell: (event) => describeDetails(event.details) },
  { title: "Client address", look: "oneLine", cell: (event) => event.clientAddress ?? "" },
];

/** The events in the order the server read them; `sort` makes Time, Actor, Action, Target and Outcome sort. */
export function AuditTable({ events, sort }: { events: readonly AuditEvent[]; sort: TableSort }) {
  const styles = useStyles();
  return (
    <DataTable
      label="Audit events"
      size="small"
      fitContent
      columns={columns(styles.breakAnywhere)}
      rows={events}
      rowKey={(event) => event.id}
      sort={sort}
      empty={
        <MessageBar intent="info">
          <MessageBarBody>No audit events match these filters.</MessageBarBody>
        </MessageBar>
      }
    />
  );
}
