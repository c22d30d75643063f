/**
 * My API tokens (issue 15, docs/decisions/0025): every admin's own tokens for scripts and the pindesk
 * command line — made here, shown once, revoked here — and, for a CsAdministrator, every account's.
 */
import {
  Button,
  makeStyles,
  Spinner,
  Text,
  Title1,
  Title2,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import type { ApiToken, CreatedApiToken } from "@pindesk/domain/auth/api-tokens";
import { useEffect, useRef, useState } from "react";
import { ApiErrorMessageBar } from "../../../components/api-error-message-bar.tsx";
import { ConfirmDialog } from "../../../components/confirm-dialog.tsx";
import { SecretOnceDialog } from "../../../components/secret-once-dialog.tsx";
import { usePermission, useSession } from "../../../lib/session.tsx";
import { useApiTokens, useRevokeApiToken } from "../api/api-tokens.ts";
import { nextRevokable, REVOKE_FOR } from "../lib/focus-after-revoke.ts";
import { ApiTokensTable } from "./api-tokens-table.tsx";
import { NewApiTokenDialog } from "./new-api-token-dialog.tsx";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  toolbar: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center" },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
});

type OpenDialog =
  | { kind: "new" }
  | { kind: "created"; created: CreatedApiToken }
  | { kind: "revoke"; token: ApiToken };

export function ApiTokensPage() {
  const styles = useStyles();
  // Each dialog gives focus back to the button that opened it (docs/design.md, "Focus").
  const restoreFocus = useRestoreFocusTarget();
  const session = useSession();
  const mine = useApiTokens("me");
  const everyoneAllowed = usePermission("accounts:manage").allowed;
  const everyone = useApiTokens("everyone", everyoneAllowed);
  const revoke = useRevokeApiToken();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const close = () => {
    revoke.reset();
    setDialog(null);
  };
  const others = everyone.data?.filter((token) => token.holder.id !== session.account.id);
  const newButton = useRef<HTMLButtonElement>(null);
  // After a revoke: the Revoke button to focus (by token id), or New API token (null), once the dialog is gone.
  const [focusAfter, setFocusAfter] = useState<{ revoke: number | null } | undefined>();
  useEffect(() => {
    if (!focusAfter || dialog) return;
    setFocusAfter(undefined);
    const next =
      focusAfter.revoke === null
        ? null
        : document.querySelector<HTMLElement>(`[${REVOKE_FOR}="${focusAfter.revoke}"]`);
    (next ?? newButton.current)?.focus();
  }, [focusAfter, dialog]);
  const revoked = (token: ApiToken) => {
    const table = mine.data?.some((mineToken) => mineToken.id === token.id) ? mine.data : (others ?? []);
    setFocusAfter({ revoke: nextRevokable(table ?? [], token.id) ?? null });
    close();
  };

  return (
    <div className={styles.page}>
      <title>My API tokens — PinDesk</title>
      <Title1 as="h1">My API tokens</Title1>
      <Text>
        A token lets a script or the <code className={styles.code}>pindesk</code> command line act as you:{" "}
        <code className={styles.code}>Authorization: Bearer pdt_…</code> on any API route. It does what your
        roles allow — or only the roles you give it — and loses a role the moment you do. It is shown once
        when made; revoke it here when the script no longer needs it.
      </Text>
      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          icon={<AddRegular />}
          onClick={() => setDialog({ kind: "new" })}
          ref={newButton}
          {...restoreFocus}
        >
          New API token
        </Button>
      </div>
      {mine.isPending && <Spinner label="Loading your API tokens…" />}
      {mine.isError && <ApiErrorMessageBar title="Your API tokens could not be loaded" error={mine.error} />}
      {mine.data?.length === 0 && <Text>You have no API tokens.</Text>}
      {mine.data && mine.data.length > 0 && (
        <ApiTokensTable
          label="Your API tokens"
          tokens={mine.data}
          onRevoke={(token) => setDialog({ kind: "revoke", token })}
        />
      )}
      {everyoneAllowed && (
        <>
          <Title2 as="h2">Other accounts' API tokens</Title2>
          {everyone.isError && (
            <ApiErrorMessageBar title="Other accounts' tokens could not be loaded" error={everyone.error} />
          )}
          {others?.length === 0 && <Text>No other account has an API token.</Text>}
          {others && others.length > 0 && (
            <ApiTokensTable
              label="Other accounts' API tokens"
              tokens={others}
              showHolder
              onRevoke={(token) => setDialog({ kind: "revoke", token })}
            />
          )}
        </>
      )}

      {dialog?.kind === "new" && (
        <NewApiTokenDialog
          onCancel={close}
          onCreated={(created) => setDialog({ kind: "created", created })}
        />
      )}
      {dialog?.kind === "created" && (
        <SecretOnceDialog
          title="API token created"
          instruction={`Copy the token for “${dialog.created.apiToken.name}” now.`}
          label="API token"
          copyLabel="Copy API token"
          secret={dialog.created.token}
          onClose={close}
        >
          <Text>
            Give it to the script as <code className={styles.code}>PINDESK_TOKEN</code>, with{" "}
            <code className={styles.code}>PINDESK_URL={window.location.origin}</code>.
          </Text>
        </SecretOnceDialog>
      )}
      {dialog?.kind === "revoke" && (
        <ConfirmDialog
          title={`Revoke ${dialog.token.name}?`}
          confirmLabel="Revoke"
          busy={revoke.isPending}
          error={revoke.error}
          onCancel={close}
          onConfirm={() => revoke.mutate(dialog.token.id, { onSuccess: () => revoked(dialog.token) })}
        >
          Scripts using it are refused from then on. This cannot be undone.
        </ConfirmDialog>
      )}
    </div>
  );
}
