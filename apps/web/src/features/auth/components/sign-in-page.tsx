/**
 * Sign in with a console account — a local one, or a domain account by DOMAIN\name or its UPN when PinDesk is
 * connected to Active Directory: User name, Password, Sign in — and, where single sign-on is set up, "Sign in
 * with {provider}" above it (docs/design.md, "What a person sees"). Either can be off, not both. A refused
 * single sign-on comes back here as `?sso_error=<code>`, which the page says in words.
 */
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
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { PasswordSignInForm } from "../../../components/password-sign-in-form.tsx";
import { useSessionQuery, useSignIn } from "../api/session.ts";
import { singleSignOnHref, useSingleSignOnStatus } from "../api/single-sign-on.ts";
import { safeReturnTo } from "../lib/return-to.ts";
import { signInFailureMessage } from "../lib/sign-in-failure.ts";

const useStyles = makeStyles({
  page: {
    minHeight: "100vh",
    display: "grid",
    placeItems: "center",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  card: {
    width: "min(380px, calc(100vw - 32px))",
    padding: tokens.spacingHorizontalXXL,
    gap: tokens.spacingVerticalL,
  },
  brand: { display: "block", color: tokens.colorBrandForeground1 },
});

export function SignInPage() {
  const styles = useStyles();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSessionQuery();
  const signIn = useSignIn();
  const singleSignOn = useSingleSignOnStatus().data;
  const returnTo = safeReturnTo(params.get("returnTo"));
  const ssoError = params.get(SSO_ERROR_PARAMETER);
  // Until the server has said otherwise, the form is on (it is by default).
  const localSignIn = singleSignOn?.localSignIn ?? true;

  if (session.data) return <Navigate to={returnTo} replace />;

  return (
    <main className={styles.page}>
      <title>Sign in — PinDesk</title>
      <Card className={styles.card}>
        <div>
          <Text as="p" weight="semibold" className={styles.brand}>
            PinDesk
          </Text>
          <Title2 as="h1" id="sign-in-title">
            Sign in
          </Title2>
        </div>
        {params.get("ended") && !signIn.isError && !ssoError && (
          <MessageBar intent="warning">
            <MessageBarBody>Your session has ended. Sign in again to continue where you were.</MessageBarBody>
          </MessageBar>
        )}
        {ssoError && !signIn.isError && (
          <MessageBar intent="error">
            <MessageBarBody>{ssoErrorMessage(ssoError)}</MessageBarBody>
          </MessageBar>
        )}
        {signIn.isError && (
          <MessageBar intent="error">
            <MessageBarBody>{signInFailureMessage(signIn.error)}</MessageBarBody>
          </MessageBar>
        )}
        {singleSignOn?.enabled && (
          <Button
            as="a"
            appearance={localSignIn ? "secondary" : "primary"}
            href={singleSignOnHref(singleSignOn.startPath, returnTo)}
          >
            Sign in with {singleSignOn.displayName}
          </Button>
        )}
        {singleSignOn?.enabled && localSignIn && <Divider>or</Divider>}
        {localSignIn && (
          <PasswordSignInForm
            hint="Your PinDesk account, or your domain account: DOMAIN\name or name@domain"
            pending={signIn.isPending}
            labelledBy="sign-in-title"
            onSignIn={(credentials, failed) =>
              signIn.mutate(credentials, {
                onSuccess: () => navigate(returnTo, { replace: true }),
                onError: failed,
              })
            }
          />
        )}
      </Card>
    </main>
  );
}
