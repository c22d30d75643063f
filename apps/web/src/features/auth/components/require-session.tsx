/**
 * Guards every signed-in page: loads the session, sends a visitor without one to sign-in (and back here
 * afterwards), and makes the session available to the page. A 401 from any request later (the session
 * ended: idle, absolute, signed out elsewhere, roles changed) does the same.
 */
import { Spinner } from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { ApiErrorMessageBar } from "../../../components/api-error-message-bar.tsx";
import { setUnauthorizedHandler } from "../../../lib/api-client.ts";
import { paths } from "../../../lib/paths.ts";
import { SessionContext } from "../../../lib/session.tsx";
import { sessionKeys, useSessionQuery } from "../api/session.ts";

export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSessionQuery();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const here = location.pathname + location.search;

  useEffect(() => {
    setUnauthorizedHandler(() => {
      queryClient.clear();
      queryClient.setQueryData(sessionKeys.me, null);
      const returnTo = window.location.pathname + window.location.search;
      navigate(paths.signIn({ returnTo, ended: true }), { replace: true });
    });
    return () => setUnauthorizedHandler(undefined);
  }, [navigate, queryClient]);

  if (session.isPending) return <Spinner label="Loading PinDesk…" />;
  if (session.isError)
    return <ApiErrorMessageBar title="PinDesk could not load your session" error={session.error} />;
  if (!session.data) return <Navigate to={paths.signIn({ returnTo: here })} replace />;
  return <SessionContext value={session.data}>{children}</SessionContext>;
}
