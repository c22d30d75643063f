/** The theme, the signed-in name in the header, its roles, and Sign out. */
import { Button, makeStyles, Text, Tooltip, tokens } from "@fluentui/react-components";
import { SignOutRegular } from "@fluentui/react-icons";
import { useNavigate } from "react-router";
import { ThemeMenu } from "../../../components/theme-menu.tsx";
import { NARROW } from "../../../lib/narrow-screen.ts";
import { paths } from "../../../lib/paths.ts";
import { useSession } from "../../../lib/session.tsx";
import { useSignOut } from "../api/session.ts";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    [NARROW]: { gap: tokens.spacingHorizontalXS },
  },
  // The header keeps to one line at the narrow breakpoint (docs/decisions/0026-small-screens.md).
  name: { color: tokens.colorNeutralForegroundOnBrand, [NARROW]: { display: "none" } },
  button: {
    color: tokens.colorNeutralForegroundOnBrand,
    ":hover": { color: tokens.colorNeutralForegroundOnBrand },
  },
});

export function AccountMenu() {
  const styles = useStyles();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <div className={styles.root}>
      <ThemeMenu className={styles.button} />
      <Tooltip content={`Roles: ${session.roles.join(", ")}`} relationship="description">
        <Text className={styles.name} tabIndex={0}>
          {session.account.displayName}
        </Text>
      </Tooltip>
      <Button
        appearance="transparent"
        className={styles.button}
        icon={<SignOutRegular />}
        disabled={signOut.isPending}
        onClick={() =>
          signOut.mutate(undefined, {
            onSettled: (answer) => {
              // Signed in through the identity provider: sign out there too; it comes back to sign-in.
              if (answer?.endSessionUrl) window.location.assign(answer.endSessionUrl);
              else navigate(paths.signIn(), { replace: true });
            },
          })
        }
      >
        Sign out
      </Button>
    </div>
  );
}
