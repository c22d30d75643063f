import { makeStyles, Text, tokens, useFocusFinders } from "@fluentui/react-components";
import { Outlet } from "react-router";
import { AccountMenu } from "../features/auth/components/account-menu.tsx";
import { NARROW, useNarrowScreen } from "../lib/narrow-screen.ts";
import { MainNavigation } from "./main-navigation.tsx";
import { NavigationMenu } from "./navigation-menu.tsx";
import { NavigationPending } from "./navigation-pending.tsx";
import { usePageFocus } from "./use-page-focus.ts";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateRows: "auto 1fr",
    gridTemplateColumns: "200px minmax(0, 1fr)",
    gridTemplateAreas: '"header header" "nav main"',
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
    // The navigation is behind the header's Main menu button (docs/decisions/0026-small-screens.md).
    [NARROW]: { gridTemplateColumns: "minmax(0, 1fr)", gridTemplateAreas: '"header" "main"' },
  },
  skipLink: {
    position: "absolute",
    left: "-10000px",
    ":focus": {
      left: tokens.spacingHorizontalS,
      top: tokens.spacingVerticalS,
      zIndex: 1,
      padding: tokens.spacingHorizontalS,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorBrandForegroundLink,
    },
  },
  header: {
    gridArea: "header",
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    [NARROW]: {
      gap: tokens.spacingHorizontalS,
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    },
  },
  menuButton: {
    color: tokens.colorNeutralForegroundOnBrand,
    ":hover": { color: tokens.colorNeutralForegroundOnBrand },
  },
  productName: { color: tokens.colorNeutralForegroundOnBrand },
  tagline: {
    color: tokens.colorNeutralForegroundOnBrand,
    flexGrow: 1,
    // The header keeps to one line; the product name says enough.
    [NARROW]: { visibility: "hidden", flexBasis: 0, minWidth: 0, overflow: "hidden", whiteSpace: "nowrap" },
  },
  nav: {
    gridArea: "nav",
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  main: {
    gridArea: "main",
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`,
    minWidth: 0,
    [NARROW]: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  },
});

export function AppLayout() {
  const styles = useStyles();
  const narrow = useNarrowScreen();
  // Holds Fluent's focus manager (tabster) for as long as the console is shown. With a dialog its only user
  // on a page, tabster was disposed as the dialog closed, before it gave the page back to screen readers:
  // the app root stayed aria-hidden="true" (seen on My API tokens; Dial-in access numbers' toolbar had
  // hidden it). One holder here keeps every page clear of that.
  useFocusFinders();
  usePageFocus();
  return (
    <div className={styles.root}>
      <a className={styles.skipLink} href="#main">
        Skip to main content
      </a>
      <header className={styles.header}>
        {narrow && <NavigationMenu buttonClassName={styles.menuButton} />}
        <Text as="span" size={500} weight="semibold" className={styles.productName}>
          PinDesk
        </Text>
        <Text as="span" size={200} className={styles.tagline}>
          Dial-in conferencing PINs
        </Text>
        <NavigationPending />
        <AccountMenu />
      </header>
      {!narrow && (
        <div className={styles.nav}>
          <MainNavigation />
        </div>
      )}
      {/* tabIndex lets the skip link move keyboard focus here, not just scroll. */}
      <main id="main" tabIndex={-1} className={styles.main}>
        <Outlet />
      </main>
    </div>
  );
}
