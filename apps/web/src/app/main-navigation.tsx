import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  DocumentBulletListRegular,
  LockClosedRegular,
  PeopleRegular,
  PersonKeyRegular,
} from "@fluentui/react-icons";
import type { Permission } from "@pindesk/domain/auth/permissions";
import type { ReactNode } from "react";
import { NavLink } from "react-router";
import { useSession } from "../lib/session.tsx";

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

interface Area {
  to: string;
  label: string;
  icon: ReactNode;
  /** Shown only to roles holding this permission (DESIGN §5). */
  permission: Permission;
}

const AREAS: readonly Area[] = [
  { to: "/users", label: "Users", icon: <PeopleRegular aria-hidden />, permission: "users:read" },
  {
    to: "/pin-policies",
    label: "PIN Policy",
    icon: <LockClosedRegular aria-hidden />,
    permission: "pinPolicy:read",
  },
  {
    to: "/audit",
    label: "Audit log",
    icon: <DocumentBulletListRegular aria-hidden />,
    permission: "audit:read",
  },
  {
    to: "/accounts",
    label: "Console accounts",
    icon: <PersonKeyRegular aria-hidden />,
    permission: "accounts:manage",
  },
];

export function MainNavigation() {
  const styles = useStyles();
  const { permissions } = useSession();
  const areas = AREAS.filter((area) => permissions.includes(area.permission));
  return (
    <nav aria-label="Main">
      <ul className={styles.list}>
        {areas.length === 0 && (
          <li className={styles.empty}>Your roles give you no area of PinDesk. Ask a CsAdministrator.</li>
        )}
        {areas.map((area) => (
          <li key={area.to}>
            {/* NavLink sets aria-current="page" on the area being shown. */}
            <NavLink
              to={area.to}
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
