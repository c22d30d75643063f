import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { AUDIT_ACTIONS, type AuditEvent } from "@pindesk/domain/audit/audit-event";
import { formatDateTime } from "../../../lib/format-date-time.ts";

const OUTCOME_COLOURS = { Success: "success", Failure: "danger", Denied: "warning" } as const;

/** Details are plain facts (a reason, roles from → to, counts); one line of `name: value` reads best. */
function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(", ") || "none" : String(value)}`)
    .join("; ");
}

export function AuditTable({ events }: { events: AuditEvent[] }) {
  return (
    <Table aria-label="Audit events" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Time</TableHeaderCell>
          <TableHeaderCell>Actor</TableHeaderCell>
          <TableHeaderCell>Action</TableHeaderCell>
          <TableHeaderCell>Target</TableHeaderCell>
          <TableHeaderCell>Outcome</TableHeaderCell>
          <TableHeaderCell>Details</TableHeaderCell>
          <TableHeaderCell>Client address</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((event) => (
          <TableRow key={event.id}>
            <TableCell>{formatDateTime(event.at)}</TableCell>
            <TableCell>{event.actorName}</TableCell>
            <TableCell>{AUDIT_ACTIONS[event.action] ?? event.action}</TableCell>
            <TableCell>{event.targetName ?? ""}</TableCell>
            <TableCell>
              <Badge appearance="tint" color={OUTCOME_COLOURS[event.outcome]}>
                {event.outcome}
              </Badge>
            </TableCell>
            <TableCell>{describeDetails(event.details)}</TableCell>
            <TableCell>{event.clientAddress ?? ""}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
