/** Sign in with the domain account: User name (DOMAIN\name or name@domain), Password, Sign in. */
import {
  Button,
  Card,
  Divider,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  Title2,
  tokens,
} from "@fluentui/react-components";
import { SSO_ERROR_PARAMETER, ssoErrorMessage } from "@pindesk/domain/auth/single-sign-on";
import { useState } from "react";
import { PasswordSignInForm } from "../../components/password-sign-in-form.tsx";
import { useSignIn, useSignInOptions } from "../api.ts";

const useStyles = makeStyles({
  card: {
    maxWidth: "420px",
    margin: "0 auto",
    padding: tokens.spacingHorizontalXXL,
    gap: tokens.spacingVerticalL,
  },
  flush: { margin: 0 },
});

export function DialInSignIn() {
  const styles = useStyles();
  const signIn = useSignIn();
  const options = useSignInOptions().data;
  // A refused single sign-on comes back as /dialin?sso_error=<code>.
  const [ssoError] = useState(() => new URLSearchParams(window.location.search).get(SSO_ERROR_PARAMETER));

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
        <PasswordSignInForm
          hint="DOMAIN\name or name@domain"
          pending={signIn.isPending}
          labelledBy="dialin-sign-in-title"
          onSignIn={(credentials, failed) => signIn.mutate(credentials, { onError: failed })}
        />
      )}
    </Card>
  );
}
