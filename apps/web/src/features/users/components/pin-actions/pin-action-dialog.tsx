/**
 * The dialog of the Action menu item chosen, for the users selected when it was chosen. Each dialog is a chunk
 * of its own, fetched when first chosen: the Users page shows no dialog until asked, and they and what only they
 * use (forms, job progress, results tables) kept its first load over budget
 * (docs/decisions/0028-bundle-and-compression.md). Nothing shows while one loads; the dialog then takes focus.
 */
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { lazy, Suspense } from "react";
import type { PinAction } from "./action-menu.tsx";

const AssignPoliciesDialog = lazy(() =>
  import("./assign-policies-dialog.tsx").then((module) => ({ default: module.AssignPoliciesDialog })),
);
const LockUnlockDialog = lazy(() =>
  import("./lock-unlock-dialog.tsx").then((module) => ({ default: module.LockUnlockDialog })),
);
const SetPinDialog = lazy(() =>
  import("./set-pin-dialog.tsx").then((module) => ({ default: module.SetPinDialog })),
);
const ViewPinStatusDialog = lazy(() =>
  import("./view-pin-status-dialog.tsx").then((module) => ({ default: module.ViewPinStatusDialog })),
);

export interface OpenPinAction {
  action: PinAction;
  userIds: number[];
  /** The search shown, for actions on every user it matches (jobs). */
  query: SearchQuery;
}

export function PinActionDialog({ open, onClose }: { open: OpenPinAction; onClose: () => void }) {
  return (
    <Suspense fallback={null}>
      <ChosenDialog open={open} onClose={onClose} />
    </Suspense>
  );
}

function ChosenDialog({ open, onClose }: { open: OpenPinAction; onClose: () => void }) {
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
