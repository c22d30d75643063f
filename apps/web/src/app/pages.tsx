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
import type { ReactElement } from "react";
import { AccountsPage } from "../features/accounts/components/accounts-page.tsx";
import { ApiTokensPage } from "../features/api-tokens/components/api-tokens-page.tsx";
import { AuditPage } from "../features/audit/components/audit-page.tsx";
import { DialInNumbersPage } from "../features/dial-in-numbers/components/dial-in-numbers-page.tsx";
import { DirectoryPage } from "../features/directory/components/directory-page.tsx";
import { MailPage } from "../features/mail/components/mail-page.tsx";
import { PinPoliciesPage } from "../features/pin-policies/components/pin-policies-page.tsx";
import { UsersPage } from "../features/users/components/users-page.tsx";
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
  page: ReactElement;
}

/** In the order of the main navigation. */
export const CONSOLE_PAGES: readonly ConsolePage[] = [
  {
    path: paths.users(),
    label: "Users",
    icon: <PeopleRegular aria-hidden />,
    permission: "users:read",
    page: <UsersPage />,
  },
  {
    path: paths.pinPolicies(),
    label: "PIN Policy",
    icon: <LockClosedRegular aria-hidden />,
    permission: "pinPolicy:read",
    page: <PinPoliciesPage />,
  },
  {
    path: paths.dialInNumbers(),
    label: "Dial-in access numbers",
    icon: <CallRegular aria-hidden />,
    permission: "dialInNumbers:read",
    page: <DialInNumbersPage />,
  },
  {
    path: paths.audit(),
    label: "Audit log",
    icon: <DocumentBulletListRegular aria-hidden />,
    permission: "audit:read",
    page: <AuditPage />,
  },
  {
    path: paths.directory(),
    label: "Directory",
    icon: <OrganizationRegular aria-hidden />,
    permission: "directory:read",
    page: <DirectoryPage />,
  },
  {
    path: paths.accounts(),
    label: "Console accounts",
    icon: <PersonKeyRegular aria-hidden />,
    permission: "accounts:manage",
    page: <AccountsPage />,
  },
  {
    path: paths.mail(),
    label: "Email",
    icon: <MailRegular aria-hidden />,
    permission: "mail:preview",
    page: <MailPage />,
  },
  {
    path: paths.apiTokens(),
    label: "My API tokens",
    icon: <KeyRegular aria-hidden />,
    page: <ApiTokensPage />,
  },
];
