import { Badge } from "@fluentui/react-components";
import type { DirectoryRun } from "@pindesk/domain/directory/directory-sync";
import { RUN_STATUS_LABELS } from "../lib/sync-format.ts";

const COLOURS = { running: "informative", completed: "success", failed: "danger" } as const;

export function RunStatusBadge({ status }: { status: DirectoryRun["status"] }) {
  return (
    <Badge appearance="tint" color={COLOURS[status]}>
      {RUN_STATUS_LABELS[status]}
    </Badge>
  );
}
