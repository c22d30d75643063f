import { createBrowserRouter, Navigate } from "react-router";
import { AccountsPage } from "../features/accounts/components/accounts-page.tsx";
import { AuditPage } from "../features/audit/components/audit-page.tsx";
import { RequireSession } from "../features/auth/components/require-session.tsx";
import { SignInPage } from "../features/auth/components/sign-in-page.tsx";
import { PinPoliciesPage } from "../features/pin-policies/components/pin-policies-page.tsx";
import { UsersPage } from "../features/users/components/users-page.tsx";
import { AppLayout } from "./app-layout.tsx";
import { NotFoundPage } from "./not-found-page.tsx";
import { RequirePermission } from "./require-permission.tsx";
import { RouteErrorPage } from "./route-error-page.tsx";

export const router = createBrowserRouter([
  { path: "/sign-in", element: <SignInPage />, errorElement: <RouteErrorPage /> },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    // Only reached if the layout itself fails; page errors are caught one level down.
    errorElement: <RouteErrorPage />,
    children: [
      {
        // A page that throws while rendering shows a message inside the layout (header and navigation
        // stay usable) instead of a blank page.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <Navigate to="/users" replace /> },
          { path: "users", element: <RequirePermission permission="users:read" page={<UsersPage />} /> },
          {
            path: "pin-policies",
            element: <RequirePermission permission="pinPolicy:read" page={<PinPoliciesPage />} />,
          },
          { path: "audit", element: <RequirePermission permission="audit:read" page={<AuditPage />} /> },
          {
            path: "accounts",
            element: <RequirePermission permission="accounts:manage" page={<AccountsPage />} />,
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
