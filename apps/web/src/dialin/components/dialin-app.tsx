/**
 * The Dial-in Conferencing Settings page's shell: its own header and look, no console navigation. Signed out
 * it shows the sign-in form; signed in, the user's settings. A 401 from any request means the session ended.
 */
import { makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { ApiErrorMessageBar } from "../../components/api-error-message-bar.tsx";
import { setUnauthorizedHandler } from "../../lib/api-client.ts";
import { dialInPageQuery, useDialInPage } from "../api.ts";
import { DialInSettings } from "./dialin-settings.tsx";
import { DialInSignIn } from "./dialin-sign-in.tsx";

const useStyles = makeStyles({
  page: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground3 },
  banner: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`,
  },
  content: {
    maxWidth: "760px",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
  },
});

export function DialInApp() {
  const styles = useStyles();
  const client = useQueryClient();
  const page = useDialInPage();
  useEffect(() => {
    setUnauthorizedHandler(() => client.setQueryData(dialInPageQuery.queryKey, null));
    return () => setUnauthorizedHandler(undefined);
  }, [client]);

  return (
    <div className={styles.page}>
      <header className={styles.banner}>
        <Text as="h1" size={600} weight="semibold">
          Dial-in Conferencing Settings
        </Text>
      </header>
      <main className={styles.content}>
        {page.isPending && <Spinner label="Loading…" />}
        {page.isError && <ApiErrorMessageBar title="The page could not be loaded" error={page.error} />}
        {page.data === null && <DialInSignIn />}
        {page.data && <DialInSettings page={page.data} />}
      </main>
    </div>
  );
}
