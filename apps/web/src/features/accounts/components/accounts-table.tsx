import {
  Badge,
  Button,
  Caption1,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import type { ConsoleAccount } from "@pindesk/domain/accounts/console-account";
import { type Column, DataTable, type TableSort } from "../../../components/data-table.tsx";
import { ReasonTooltip } from "../../../components/reason-tooltip.tsx";
import { formatDateTime } from "../../../lib/format-date-time.ts";
import { externallyOwnedReason, SOURCE_LABELS } from "../lib/account-source.ts";

const useStyles = makeStyles({
  source: { display: "flex", flexDirection: "column" },
  // An issuer URL or a subject can be long and unbroken; it wraps rather than widening the table.
  identity: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere", maxWidth: "32ch" },
});

export type AccountAction = "roles" | "disable" | "enable" | "resetPassword";

interface AccountsTableProps {
  accounts: readonly ConsoleAccount[];
  /** The signed-in account: it may not disable itself (the server refuses anyway). */
  selfId: number;
  onAction: (account: ConsoleAccount, action: AccountAction) => void;
  /** The accounts come in this order (the page sorts them); every column but Actions sorts. */
  sort: TableSort;
}

export function AccountsTable({ accounts, selfId, onAction, sort }: AccountsTableProps) {
  const columns: Column<ConsoleAccount>[] = [
    { title: "User name", sortKey: "username", look: "oneLine", cell: (account) => account.username },
    { title: "Display name", sortKey: "displayName", cell: (account) => account.displayName },
    { title: "Source", sortKey: "source", cell: (account) => <AccountSource account={account} /> },
    {
      title: "Roles",
      sortKey: "roles",
      cell: (account) => account.roles.join(", ") || "No role (cannot sign in)",
    },
    {
      title: "Status",
      sortKey: "status",
      cell: (account) => (
        <Badge appearance="tint" color={account.disabled ? "danger" : "success"}>
          {account.disabled ? "Disabled" : "Enabled"}
        </Badge>
      ),
    },
    {
      title: "Last sign-in",
      sortKey: "lastSignIn",
      look: "oneLine",
      cell: (account) => (account.lastSignInAt ? formatDateTime(account.lastSignInAt) : "Never"),
    },
    {
      title: "Actions",
      titleHidden: true,
      cell: (account) => (
        <AccountActions account={account} self={account.id === selfId} onAction={onAction} />
      ),
    },
  ];
  return (
    <DataTable
      label="Console accounts"
      fitContent
      columns={columns}
      rows={accounts}
      rowKey={(account) => account.id}
      sort={sort}
    />
  );
}

/** Where the account signs in; for single sign-on, which provider and the account's subject there. */
function AccountSource({ account }: { account: ConsoleAccount }) {
  const styles = useStyles();
  if (account.source !== "oidc") return SOURCE_LABELS[account.source];
  return (
    <div className={styles.source}>
      <span>{SOURCE_LABELS.oidc}</span>
      <Caption1 className={styles.identity}>Provider: {account.provider}</Caption1>
      <Caption1 className={styles.identity}>Subject: {account.subject}</Caption1>
    </div>
  );
}

interface AccountActionsProps {
  account: ConsoleAccount;
  self: boolean;
  onAction: (account: ConsoleAccount, action: AccountAction) => void;
}

function AccountActions({ account, self, onAction }: AccountActionsProps) {
  // Its dialogs give focus back here (docs/design.md, "Focus").
  const restoreFocus = useRestoreFocusTarget();
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          {...restoreFocus}
          appearance="subtle"
          icon={<MoreHorizontalRegular />}
          aria-label={`Actions for ${account.username}`}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <AccountItem account={account} action="roles" onAction={onAction}>
            Change roles
          </AccountItem>
          {account.disabled ? (
            <MenuItem onClick={() => onAction(account, "enable")}>Enable</MenuItem>
          ) : (
            <MenuItem disabled={self} onClick={() => onAction(account, "disable")}>
              Disable
            </MenuItem>
          )}
          <AccountItem account={account} action="resetPassword" onAction={onAction}>
            Reset password
          </AccountItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

interface AccountItemProps {
  account: ConsoleAccount;
  action: "roles" | "resetPassword";
  onAction: (account: ConsoleAccount, action: AccountAction) => void;
  children: string;
}

/**
 * Change roles and Reset password: a domain or single sign-on account's roles and password are not PinDesk's,
 * so the items stay disabled, saying whose they are.
 */
function AccountItem({ account, action, onAction, children }: AccountItemProps) {
  const why = externallyOwnedReason(account, action);
  return (
    <ReasonTooltip reason={why} positioning="after">
      <MenuItem disabled={why !== undefined} onClick={() => onAction(account, action)}>
        {children}
      </MenuItem>
    </ReasonTooltip>
  );
}
