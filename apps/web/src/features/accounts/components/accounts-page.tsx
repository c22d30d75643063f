/**
 * Console accounts (accounts:manage): who may sign in to PinDesk and with which Cs roles — local accounts,
 * and the domain accounts that have signed in, with the roles their AD groups give them.
 */
import {
  Button,
  makeStyles,
  Spinner,
  Text,
  Title1,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import type { AccountWithPassword, ConsoleAccount } from "@pindesk/domain/accounts/console-account";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { ApiErrorMessageBar } from "../../../components/api-error-message-bar.tsx";
import { ConfirmDialog } from "../../../components/confirm-dialog.tsx";
import { useSession } from "../../../lib/session.tsx";
import { useAccounts, useResetPassword, useSetDisabled } from "../api/accounts.ts";
import {
  type AccountSortKey,
  accountSortFromParams,
  accountSortToParams,
  nextAccountSort,
  sortAccounts,
} from "../lib/account-sort.ts";
import { type AccountAction, AccountsTable } from "./accounts-table.tsx";
import { ChangeRolesDialog } from "./change-roles-dialog.tsx";
import { NewAccountDialog } from "./new-account-dialog.tsx";
import { PasswordOnceDialog } from "./password-once-dialog.tsx";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  toolbar: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center" },
});

type OpenDialog =
  | { kind: "new" }
  | { kind: AccountAction; account: ConsoleAccount }
  | { kind: "password"; title: string; created: AccountWithPassword };

export function AccountsPage() {
  const styles = useStyles();
  // Each dialog gives focus back to the button that opened it (docs/design.md, "Focus").
  const restoreFocus = useRestoreFocusTarget();
  const session = useSession();
  const accounts = useAccounts();
  const setDisabled = useSetDisabled();
  const resetPassword = useResetPassword();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [params, setParams] = useSearchParams();
  const sort = accountSortFromParams(params);
  // A few dozen accounts at most: sorted as they are drawn.
  const sorted = accounts.data && sortAccounts(accounts.data, sort);
  const close = () => {
    setDisabled.reset();
    resetPassword.reset();
    setDialog(null);
  };

  return (
    <div className={styles.page}>
      <title>Console accounts — PinDesk</title>
      <Title1 as="h1">Console accounts</Title1>
      <Text>
        The people who may sign in to PinDesk. Roles are Lync's: each decides what its holder may see and do.
        Changing roles, disabling an account or resetting its password signs it out everywhere.
      </Text>
      <Text>
        Domain and single sign-on accounts appear here once they have signed in, with their domain password or
        through the identity provider; their roles come from their Active Directory groups or the provider's
        group claim, read again at each sign-in. Local accounts are PinDesk's own, and still sign in while the
        domain controller or the identity provider cannot be reached.
      </Text>
      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          icon={<AddRegular />}
          onClick={() => setDialog({ kind: "new" })}
          {...restoreFocus}
        >
          New account
        </Button>
      </div>
      {accounts.isPending && <Spinner label="Loading console accounts…" />}
      {accounts.isError && (
        <ApiErrorMessageBar title="The accounts could not be loaded" error={accounts.error} />
      )}
      {sorted && (
        <AccountsTable
          accounts={sorted}
          selfId={session.account.id}
          onAction={(account, kind) => setDialog({ kind, account })}
          sort={{
            ...sort,
            onSort: (by) => setParams(accountSortToParams(nextAccountSort(sort, by as AccountSortKey))),
          }}
        />
      )}

      {dialog?.kind === "new" && (
        <NewAccountDialog
          onCancel={close}
          onCreated={(created) => setDialog({ kind: "password", title: "Account created", created })}
        />
      )}
      {dialog?.kind === "roles" && <ChangeRolesDialog account={dialog.account} onClose={close} />}
      {(dialog?.kind === "disable" || dialog?.kind === "enable") && (
        <ConfirmDialog
          title={`${dialog.kind === "disable" ? "Disable" : "Enable"} ${dialog.account.username}?`}
          confirmLabel={dialog.kind === "disable" ? "Disable" : "Enable"}
          busy={setDisabled.isPending}
          error={setDisabled.error}
          onCancel={close}
          onConfirm={() =>
            setDisabled.mutate(
              { id: dialog.account.id, disabled: dialog.kind === "disable" },
              { onSuccess: close },
            )
          }
        >
          {dialog.kind === "disable"
            ? "The account is signed out everywhere and cannot sign in until it is enabled again."
            : "The account can sign in again with its current password."}
        </ConfirmDialog>
      )}
      {dialog?.kind === "resetPassword" && (
        <ConfirmDialog
          title={`Reset the password of ${dialog.account.username}?`}
          confirmLabel="Reset password"
          busy={resetPassword.isPending}
          error={resetPassword.error}
          onCancel={close}
          onConfirm={() =>
            resetPassword.mutate(dialog.account.id, {
              onSuccess: (created) => setDialog({ kind: "password", title: "Password reset", created }),
            })
          }
        >
          PinDesk makes a new password and shows it once. The old one stops working and the account is signed
          out everywhere.
        </ConfirmDialog>
      )}
      {dialog?.kind === "password" && (
        <PasswordOnceDialog
          title={dialog.title}
          username={dialog.created.account.username}
          password={dialog.created.password}
          onClose={close}
        />
      )}
    </div>
  );
}
