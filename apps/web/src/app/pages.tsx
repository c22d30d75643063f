/**
 * The pages of the signed-in console, each declared once: its address, its place in the main navigation,
 * the permission it needs and what it shows. The router and the navigation both read this list, so a page
 * cannot be reachable under one permission and listed under another.
 */
import {
  CallRegular,
  DocumentBulletListRegular,
  KeyRegular,
  LockClosedRegular,
  MailRegular,
  OrganizationRegular,
  PeopleRegular,
  PersonKeyRegular,
} from "@fluentui/react-icons";
import type { Permission } from "@pindesk/domain/auth/permissions";
import type { ComponentType, ReactElement } from "react";
import { paths } from "../lib/paths.ts";

export interface ConsolePage {
  path: string;
  /** Its name in the main navigation. */
  label: string;
  icon: ReactElement;
  /**
   * Listed, and shown, only to roles holding it (docs/design.md, "Roles and permissions"); without one,
   * to every signed-in account (My API tokens).
   */
  permission?: Permission;
  /** What it shows: its own chunk, fetched when the page is first opened (router.tsx). */
  load: () => Promise<ComponentType>;
}

/** In the order of the main navigation. */
export const CONSOLE_PAGES: readonly ConsolePage[] = [
  {
    path: paths.users(),
    label: "Users",
    icon: <PeopleRegular aria-hidden />,
    permission: "users:read",
    load: () => import("../features/users/components/users-page.tsx").then((module) => module.UsersPage),
  },
  {
    path: paths.pinPolicies(),
    label: "PIN Policy",
    icon: <LockClosedRegular aria-hidden />,
    permission: "pinPolicy:read",
    load: () =>
      import("../features/pin-policies/components/pin-policies-page.tsx").then(
        (module) => module.PinPoliciesPage,
      ),
  },
  {
    path: paths.dialInNumbers(),
    label: "Dial-in access numbers",
    icon: <CallRegular aria-hidden />,
    permission: "dialInNumbers:read",
    load: () =>
      import("../features/dial-in-numbers/components/dial-in-numbers-page.tsx").then(
        (module) => module.DialInNumbersPage,
      ),
  },
  {
    path: paths.audit(),
    label: "Audit log",
    icon: <DocumentBulletListRegular aria-hidden />,
    permission: "audit:read",
    load: () => import("../features/audit/components/audit-page.tsx").then((module) => module.AuditPage),
  },
  {
    path: paths.directory(),
    label: "Directory",
    icon: <OrganizationRegular aria-hidden />,
    permission: "directory:read",
    load: () =>
      import("../features/directory/components/directory-page.tsx").then((module) => module.DirectoryPage),
  },
  {
    path: paths.accounts(),
    label: "Console accounts",
    icon: <PersonKeyRegular aria-hidden />,
    permission: "accounts:manage",
    load: () =>
      import("../features/accounts/components/accounts-page.tsx").then((module) => module.AccountsPage),
  },
  {
    path: paths.mail(),
    label: "Email",
    icon: <MailRegular aria-hidden />,
    permission: "mail:preview",
    load: () => import("../features/mail/components/mail-page.tsx").then((module) => module.MailPage),
  },
  {
    path: paths.apiTokens(),
    label: "My API tokens",
    icon: <KeyRegular aria-hidden />,
    load: () =>
      import("../features/api-tokens/components/api-tokens-page.tsx").then((module) => module.ApiTokensPage),
  },
];
