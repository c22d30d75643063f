/** Sign in with the domain account: User name (DOMAIN\name or name@domain), Password, Sign in. */
import {
  Button,
  Card,
  Divider,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  Title2,
  tokens,
} from "@fluentui/react-components";
import { SSO_ERROR_PARAMETER, ssoErrorMessage } from "@pindesk/domain/auth/single-sign-on";
import { type FormEvent, useState } from "react";
import { useSignIn, useSignInOptions } from "../api.ts";

const useStyles = makeStyles({
  card: {
    maxWidth: "420px",
    margin: "0 auto",
    padding: tokens.spacingHorizontalXXL,
    gap: tokens.spacingVerticalL,
  },
  flush: { margin: 0 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

export function DialInSignIn() {
  const styles = useStyles();
  const signIn = useSignIn();
  const options = useSignInOptions().data;
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  // A refused single sign-on comes back as /dialin?sso_error=<code>.
  const [ssoError] = useState(() => new URLSearchParams(window.location.search).get(SSO_ERROR_PARAMETER));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ username, password }, { onError: () => setPassword("") });
  };

  return (
    <Card className={styles.card}>
      <title>Sign in — Dial-in Conferencing Settings</title>
      <Title2 as="h2" id="dialin-sign-in-title" className={styles.flush}>
        Sign in
      </Title2>
      <Text>Sign in with your network account to see your dial-in numbers and set your PIN.</Text>
      {options && !options.domainSignIn && !options.singleSignOn && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Sign-in is not available here: PinDesk is not connected to Active Directory. Contact{" "}
            {options.helpContact}.
          </MessageBarBody>
        </MessageBar>
      )}
      {ssoError && !signIn.isError && (
        <MessageBar intent="error">
          <MessageBarBody>{ssoErrorMessage(ssoError)}</MessageBarBody>
        </MessageBar>
      )}
      {options?.singleSignOn && (
        <Button
          as="a"
          appearance={options.domainSignIn ? "secondary" : "primary"}
          href={options.singleSignOn.startPath}
        >
          Sign in with {options.singleSignOn.displayName}
        </Button>
      )}
      {options?.singleSignOn && options.domainSignIn && <Divider>or</Divider>}
      {signIn.isError && (
        <MessageBar intent="error">
          <MessageBarBody>{signIn.error.message}</MessageBarBody>
        </MessageBar>
      )}
      {(options?.domainSignIn ?? true) && (
        <form className={styles.form} onSubmit={submit} aria-labelledby="dialin-sign-in-title">
          <Field label="User name" required hint="DOMAIN\name or name@domain">
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
      )}
    </Card>
  );
}
