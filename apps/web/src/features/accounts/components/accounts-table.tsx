import {
  Badge,
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import type { ConsoleAccount } from "@pindesk/domain/accounts/console-account";
import { type Column, DataTable } from "../../../components/data-table.tsx";
import { formatDateTime } from "../../../lib/format-date-time.ts";

export type AccountAction = "roles" | "disable" | "enable" | "resetPassword";

interface AccountsTableProps {
  accounts: readonly ConsoleAccount[];
  /** The signed-in account: it may not disable itself (the server refuses anyway). */
  selfId: number;
  onAction: (account: ConsoleAccount, action: AccountAction) => void;
}

export function AccountsTable({ accounts, selfId, onAction }: AccountsTableProps) {
  const columns: Column<ConsoleAccount>[] = [
    { title: "User name", cell: (account) => account.username },
    { title: "Display name", cell: (account) => account.displayName },
    { title: "Roles", cell: (account) => account.roles.join(", ") || "No role (cannot sign in)" },
    {
      title: "Status",
      cell: (account) => (
        <Badge appearance="tint" color={account.disabled ? "danger" : "success"}>
          {account.disabled ? "Disabled" : "Enabled"}
        </Badge>
      ),
    },
    {
      title: "Last sign-in",
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
    <DataTable label="Console accounts" columns={columns} rows={accounts} rowKey={(account) => account.id} />
  );
}

interface AccountActionsProps {
  account: ConsoleAccount;
  self: boolean;
  onAction: (account: ConsoleAccount, action: AccountAction) => void;
}

function AccountActions({ account, self, onAction }: AccountActionsProps) {
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="subtle"
          icon={<MoreHorizontalRegular />}
          aria-label={`Actions for ${account.username}`}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={() => onAction(account, "roles")}>Change roles</MenuItem>
          {account.disabled ? (
            <MenuItem onClick={() => onAction(account, "enable")}>Enable</MenuItem>
          ) : (
            <MenuItem disabled={self} onClick={() => onAction(account, "disable")}>
              Disable
            </MenuItem>
          )}
          <MenuItem onClick={() => onAction(account, "resetPassword")}>Reset password</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
