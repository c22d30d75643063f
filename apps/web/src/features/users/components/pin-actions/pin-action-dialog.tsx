/** The dialog of the Action menu item chosen, for the users selected when it was chosen. */
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import type { PinAction } from "./action-menu.tsx";
import { AssignPoliciesDialog } from "./assign-policies-dialog.tsx";
import { LockUnlockDialog } from "./lock-unlock-dialog.tsx";
import { SetPinDialog } from "./set-pin-dialog.tsx";
import { ViewPinStatusDialog } from "./view-pin-status-dialog.tsx";

export interface OpenPinAction {
  action: PinAction;
  userIds: number[];
  /** The search shown, for actions on every user it matches (jobs). */
  query: SearchQuery;
}

export function PinActionDialog({ open, onClose }: { open: OpenPinAction; onClose: () => void }) {
  switch (open.action) {
    case "status":
      return <ViewPinStatusDialog userIds={open.userIds} onClose={onClose} />;
    case "set":
      return <SetPinDialog userIds={open.userIds} query={open.query} onClose={onClose} />;
    case "lock":
    case "unlock":
      return (
        <LockUnlockDialog action={open.action} userIds={open.userIds} query={open.query} onClose={onClose} />
      );
    case "assign":
      return <AssignPoliciesDialog userIds={open.userIds} query={open.query} onClose={onClose} />;
  }
}
