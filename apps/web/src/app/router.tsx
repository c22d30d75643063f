import { createBrowserRouter, Navigate } from "react-router";
import { RequireSession } from "../features/auth/components/require-session.tsx";
import { SignInPage } from "../features/auth/components/sign-in-page.tsx";
import { paths } from "../lib/paths.ts";
import { AppLayout } from "./app-layout.tsx";
import { NotFoundPage } from "./not-found-page.tsx";
import { CONSOLE_PAGES } from "./pages.tsx";
import { RequirePermission } from "./require-permission.tsx";
import { RouteErrorPage } from "./route-error-page.tsx";

export const router = createBrowserRouter([
  { path: paths.signIn(), element: <SignInPage />, errorElement: <RouteErrorPage /> },
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
          { index: true, element: <Navigate to={paths.users()} replace /> },
          ...CONSOLE_PAGES.map(({ path, permission, page }) => ({
            path,
            element: permission ? <RequirePermission permission={permission} page={page} /> : page,
          })),
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
