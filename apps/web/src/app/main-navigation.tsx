import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { NavLink } from "react-router";
import { useSession } from "../lib/session.tsx";
import { CONSOLE_PAGES } from "./pages.tsx";

const useStyles = makeStyles({
  list: {
    listStyle: "none",
    margin: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  link: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    textDecoration: "none",
    fontSize: tokens.fontSizeBase300,
    ":hover": { backgroundColor: tokens.colorNeutralBackground2Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  empty: { padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground3 },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    fontWeight: tokens.fontWeightSemibold,
    boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorCompoundBrandStroke}`,
  },
});

/** `onNavigate`: a link was chosen (the narrow screen's drawer closes). */
export function MainNavigation({ onNavigate }: { onNavigate?: () => void } = {}) {
  const styles = useStyles();
  const { permissions } = useSession();
  const allowed = CONSOLE_PAGES.filter((area) => !area.permission || permissions.includes(area.permission));
  // Roles that open no area of their own (CsLocationAdministrator…) have no use for API tokens either.
  const areas = allowed.some((area) => area.permission) ? allowed : [];
  return (
    <nav aria-label="Main">
      <ul className={styles.list}>
        {areas.length === 0 && (
          <li className={styles.empty}>Your roles give you no area of PinDesk. Ask a CsAdministrator.</li>
        )}
        {areas.map((area) => (
          <li key={area.path}>
            {/* NavLink sets aria-current="page" on the area being shown. */}
            <NavLink
              to={area.path}
              onClick={onNavigate}
              className={({ isActive }) => mergeClasses(styles.link, isActive && styles.active)}
            >
              {area.icon}
              {area.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
