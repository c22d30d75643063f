/** Sign in with a console account: User name, Password, Sign in (docs/design.md, "What a person sees"). */
import {
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  Title2,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../../../lib/api-client.ts";
import { useSessionQuery, useSignIn } from "../api/session.ts";
import { safeReturnTo } from "../lib/return-to.ts";

const useStyles = makeStyles({
  page: {
    minHeight: "100vh",
    display: "grid",
    placeItems: "center",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  card: { width: "min(380px, calc(100vw - 32px))", padding: tokens.spacingHorizontalXXL },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  brand: { display: "block", color: tokens.colorBrandForeground1 },
});

function failureMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return "Sign-in failed. Try again.";
  // An empty field: the server names it ("enter your user name"); say it as a sentence.
  if (error.status === 400 && error.details.length > 0) {
    return error.details.map((d) => `${d.message.charAt(0).toUpperCase()}${d.message.slice(1)}.`).join(" ");
  }
  // The server's messages are written for this page: wrong credentials, disabled, no role, throttled.
  return error.message;
}

export function SignInPage() {
  const styles = useStyles();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSessionQuery();
  const signIn = useSignIn();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const returnTo = safeReturnTo(params.get("returnTo"));

  if (session.data) return <Navigate to={returnTo} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { username, password },
      { onSuccess: () => navigate(returnTo, { replace: true }), onError: () => setPassword("") },
    );
  };

  return (
    <main className={styles.page}>
      <title>Sign in — PinDesk</title>
      <Card className={styles.card}>
        <form className={styles.form} onSubmit={submit} aria-labelledby="sign-in-title">
          <div>
            <Text as="p" weight="semibold" className={styles.brand}>
              PinDesk
            </Text>
            <Title2 as="h1" id="sign-in-title">
              Sign in
            </Title2>
          </div>
          {params.get("ended") && !signIn.isError && (
            <MessageBar intent="warning">
              <MessageBarBody>
                Your session has ended. Sign in again to continue where you were.
              </MessageBarBody>
            </MessageBar>
          )}
          {signIn.isError && (
            <MessageBar intent="error">
              <MessageBarBody>{failureMessage(signIn.error)}</MessageBarBody>
            </MessageBar>
          )}
          <Field label="User name" required>
            <Input
              value={username}
              onChange={(_e, data) => setUsername(data.value)}
              autoComplete="username"
              autoFocus
            />
          </Field>
          <Field label="Password" required>
            <Input
              type="password"
              value={password}
              onChange={(_e, data) => setPassword(data.value)}
              autoComplete="current-password"
            />
          </Field>
          <Button type="submit" appearance="primary" disabled={signIn.isPending}>
            {signIn.isPending ? "Signing in…" : "Sign in"}
          </Button>
        </form>
      </Card>
    </main>
  );
}
