/**
 * Guards every signed-in page: loads the session, sends a visitor without one to sign-in (and back here
 * afterwards), and makes the session available to the page. A 401 from any request later (the session
 * ended: idle, absolute, signed out elsewhere, roles changed) does the same.
 */
import { Spinner } from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef } from "react";
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
  // A session this page had and lost was ended on purpose — Sign out, or a request answered 401 — and what
  // ended it is taking the visitor to sign-in. The sign-in page is a chunk of its own, which the router may
  // still be fetching (docs/decisions/0028-bundle-and-compression.md): a <Navigate> here would replace that
  // navigation, dropping "Your session has ended" or adding a return address to a sign out.
  const hadSession = useRef(false);
  useEffect(() => {
    if (session.data) hadSession.current = true;
  }, [session.data]);

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
  if (!session.data)
    return hadSession.current ? null : <Navigate to={paths.signIn({ returnTo: here })} replace />;
  return <SessionContext value={session.data}>{children}</SessionContext>;
}
