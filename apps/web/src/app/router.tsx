/**
 * The console's routes. Each page is a chunk of its own, loaded when it is first opened (route `lazy`;
 * docs/decisions/0028-bundle-and-compression.md): the sign-in page does not download the console, nor the Users
 * page the audit log. The router changes the location only once the next page's code is there, so the current
 * page stays until the next can render (no blank flash between pages) and focus after navigation
 * (use-page-focus.ts) finds the new page already in place.
 */
import { createBrowserRouter, Navigate } from "react-router";
import { paths } from "../lib/paths.ts";
import { NotFoundPage } from "./not-found-page.tsx";
import { PageLoading } from "./page-loading.tsx";
import { CONSOLE_PAGES } from "./pages.tsx";
import { RouteErrorPage } from "./route-error-page.tsx";

export const router = createBrowserRouter([
  {
    // Only on arrival, until the first page's chunks are in.
    HydrateFallback: PageLoading,
    children: [
      {
        path: paths.signIn(),
        lazy: async () => {
          const { SignInPage } = await import("../features/auth/components/sign-in-page.tsx");
          return { Component: SignInPage };
        },
        errorElement: <RouteErrorPage />,
      },
      {
        lazy: async () => {
          const [{ RequireSession }, { AppLayout }] = await Promise.all([
            import("../features/auth/components/require-session.tsx"),
            import("./app-layout.tsx"),
          ]);
          return {
            element: (
              <RequireSession>
                <AppLayout />
              </RequireSession>
            ),
          };
        },
        // Only reached if the layout itself fails; page errors are caught one level down.
        errorElement: <RouteErrorPage />,
        children: [
          {
            // A page that throws while rendering (or whose chunk cannot be fetched) shows a message inside the
            // layout (header and navigation stay usable) instead of a blank page.
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, element: <Navigate to={paths.users()} replace /> },
              ...CONSOLE_PAGES.map(({ path, permission, load }) => ({
                path,
                lazy: async () => {
                  const [Page, { RequirePermission }] = await Promise.all([
                    load(),
                    import("./require-permission.tsx"),
                  ]);
                  return {
                    element: permission ? (
                      <RequirePermission permission={permission} page={<Page />} />
                    ) : (
                      <Page />
                    ),
                  };
                },
              })),
              { path: "*", element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
