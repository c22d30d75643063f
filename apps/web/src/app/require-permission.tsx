import { MessageBar, MessageBarBody, MessageBarTitle, Title1 } from "@fluentui/react-components";
import type { Permission } from "@pindesk/domain/auth/permissions";
import type { ReactNode } from "react";
import { usePermission } from "../lib/session.tsx";

/** A page the signed-in roles do not allow says so plainly (the server refuses its data anyway). */
export function RequirePermission({ permission, page }: { permission: Permission; page: ReactNode }) {
  const { allowed, reason } = usePermission(permission);
  if (allowed) return page;
  return (
    <>
      <title>Not available — PinDesk</title>
      <Title1 as="h1">Not available to your roles</Title1>
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>You cannot open this page.</MessageBarTitle>
          {reason}
        </MessageBarBody>
      </MessageBar>
    </>
  );
}
