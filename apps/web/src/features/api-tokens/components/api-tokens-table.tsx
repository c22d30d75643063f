/** API tokens as a table: what each is for, what it may do, when it ends, where it was last used. */
import { Badge, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ApiToken, ApiTokenState } from "@pindesk/domain/auth/api-tokens";
import { type Column, DataTable } from "../../../components/data-table.tsx";
import { formatDateTime } from "../../../lib/format-date-time.ts";
import { REVOKE_FOR } from "../lib/focus-after-revoke.ts";

const useStyles = makeStyles({
  stacked: { display: "flex", flexDirection: "column" },
  quiet: { color: tokens.colorNeutralForeground2 },
});

const STATE_COLOURS: Record<ApiTokenState, "success" | "warning" | "danger"> = {
  Active: "success",
  Expired: "warning",
  Revoked: "danger",
};

interface ApiTokensTableProps {
  label: string;
  tokens: readonly ApiToken[];
  /** Everyone's tokens: a Holder column. */
  showHolder?: boolean;
  onRevoke: (token: ApiToken) => void;
}

export function ApiTokensTable({ label, tokens: rows, showHolder = false, onRevoke }: ApiTokensTableProps) {
  const styles = useStyles();
  const columns: Column<ApiToken>[] = [
    { title: "Name", cell: (token) => token.name },
    ...(showHolder
      ? [{ title: "Holder", look: "oneLine" as const, cell: (token: ApiToken) => token.holder.username }]
      : []),
    { title: "Roles", cell: (token) => token.roles?.join(", ") ?? "All of the holder's" },
    {
      title: "Status",
      cell: (token) => (
        <Badge appearance="tint" color={STATE_COLOURS[token.state]}>
          {token.state}
        </Badge>
      ),
    },
    { title: "Created", look: "oneLine", cell: (token) => formatDateTime(token.createdAt) },
    {
      title: "Expires",
      look: "oneLine",
      cell: (token) =>
        token.revokedAt ? (
          <span className={styles.stacked}>
            <span>Revoked {formatDateTime(token.revokedAt)}</span>
            <Caption1 className={styles.quiet}>by {token.revokedBy}</Caption1>
          </span>
        ) : (
          formatDateTime(token.expiresAt)
        ),
    },
    {
      title: "Last used",
      look: "oneLine",
      cell: (token) =>
        token.lastUsedAt ? (
          <span className={styles.stacked}>
            <span>{formatDateTime(token.lastUsedAt)}</span>
            <Caption1 className={styles.quiet}>from {token.lastUsedAddress}</Caption1>
          </span>
        ) : (
          "Never"
        ),
    },
    {
      title: "Actions",
      titleHidden: true,
      cell: (token) =>
        token.state === "Active" ? (
          <Button
            size="small"
            onClick={() => onRevoke(token)}
            aria-label={`Revoke ${token.name}`}
            {...{ [REVOKE_FOR]: token.id }}
          >
            Revoke
          </Button>
        ) : null,
    },
  ];
  return <DataTable label={label} fitContent columns={columns} rows={rows} rowKey={(token) => token.id} />;
}
