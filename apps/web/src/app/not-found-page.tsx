import { Link, MessageBar, MessageBarBody, Title1 } from "@fluentui/react-components";
import { useLocation, useNavigate } from "react-router";
import { paths } from "../lib/paths.ts";

export function NotFoundPage() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <title>Page not found — PinDesk</title>
      <Title1 as="h1">Page not found</Title1>
      <MessageBar intent="warning">
        <MessageBarBody>
          PinDesk has no page at {pathname}.{" "}
          <Link
            href={paths.users()}
            onClick={(event) => {
              // A real href keeps open-in-new-tab working; a plain click stays inside the app.
              event.preventDefault();
              navigate(paths.users());
            }}
          >
            Go to Users
          </Link>
        </MessageBarBody>
      </MessageBar>
    </>
  );
}
