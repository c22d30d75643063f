import { MessageBar, MessageBarBody, MessageBarTitle, Title1 } from "@fluentui/react-components";
import { isRouteErrorResponse, useRouteError } from "react-router";

/** What a page shows if it throws while rendering: the reason, never a blank screen. */
export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : "An unexpected error occurred.";
  return (
    <>
      <title>Error — PinDesk</title>
      <Title1 as="h1">Something went wrong</Title1>
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>This page could not be shown.</MessageBarTitle>
          {message} Reload the page to try again.
        </MessageBarBody>
      </MessageBar>
    </>
  );
}
