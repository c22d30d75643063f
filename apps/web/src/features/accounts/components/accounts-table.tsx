import {
  Badge,
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import type { ConsoleAccount } from "@pindesk/domain/accounts/console-account";
import { formatDateTime } from "../../../lib/format-date-time.ts";

export type AccountAction = "roles" | "disable" | "enable" | "resetPassword";

interface AccountsTableProps {
  accounts: ConsoleAccount[];
  /** The signed-in account: it may not disable itself (the server refuses anyway). */
  selfId: number;
  onAction: (account: ConsoleAccount, action: AccountAction) => void;
}

export function AccountsTable({ accounts, selfId, onAction }: AccountsTableProps) {
  return (
    <Table aria-label="Console accounts">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>User name</TableHeaderCell>
          <TableHeaderCell>Display name</TableHeaderCell>
          <TableHeaderCell>Roles</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Last sign-in</TableHeaderCell>
          <TableHeaderCell>
            <span className="visually-hidden">Actions</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {accounts.map((account) => (
          <TableRow key={account.id}>
            <TableCell>{account.username}</TableCell>
            <TableCell>{account.displayName}</TableCell>
            <TableCell>{account.roles.join(", ") || "No role (cannot sign in)"}</TableCell>
            <TableCell>
              <Badge appearance="tint" color={account.disabled ? "danger" : "success"}>
                {account.disabled ? "Disabled" : "Enabled"}
              </Badge>
            </TableCell>
            <TableCell>{account.lastSignInAt ? formatDateTime(account.lastSignInAt) : "Never"}</TableCell>
            <TableCell>
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
                      <MenuItem disabled={account.id === selfId} onClick={() => onAction(account, "disable")}>
                        Disable
                      </MenuItem>
                    )}
                    <MenuItem onClick={() => onAction(account, "resetPassword")}>Reset password</MenuItem>
                  </MenuList>
                </MenuPopover>
              </Menu>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
