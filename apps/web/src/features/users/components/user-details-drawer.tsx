import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  Spinner,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { UserSummary } from "@pindesk/domain/users/user";
import { ApiErrorMessageBar } from "../../../components/api-error-message-bar.tsx";
import { useUser } from "../api/get-user.ts";
import { UserDetailsSections } from "./user-details-sections.tsx";

interface UserDetailsDrawerProps {
  /** The row whose details to show (its display name titles the drawer while the details load). */
  user: UserSummary;
  open: boolean;
  onClose: () => void;
}

/** Edit › Show details: every directory property of one user and their PIN status (Get-CsClientPinInfo). */
export function UserDetailsDrawer({ user, open, onClose }: UserDetailsDrawerProps) {
  return (
    <OverlayDrawer
      position="end"
      size="medium"
      open={open}
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />
          }
        >
          {user.displayName}
        </DrawerHeaderTitle>
      </DrawerHeader>
      {/* Focusable so keyboard users can scroll the long list of properties. */}
      <DrawerBody tabIndex={0}>
        <UserDetailsBody id={user.id} />
      </DrawerBody>
    </OverlayDrawer>
  );
}

function UserDetailsBody({ id }: { id: number }) {
  const details = useUser(id);
  if (details.isPending) return <Spinner label="Loading details…" />;
  if (details.isError)
    return <ApiErrorMessageBar title="The details could not be loaded" error={details.error} />;
  return <UserDetailsSections user={details.data} />;
}
