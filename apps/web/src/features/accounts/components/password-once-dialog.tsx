/** A password PinDesk made, shown this once: nobody, PinDesk included, can read it again. */
import { SecretOnceDialog } from "../../../components/secret-once-dialog.tsx";

interface PasswordOnceDialogProps {
  title: string;
  username: string;
  password: string;
  onClose: () => void;
}

export function PasswordOnceDialog({ title, username, password, onClose }: PasswordOnceDialogProps) {
  return (
    <SecretOnceDialog
      title={title}
      instruction={`Give this password to ${username} now.`}
      label="Password"
      copyLabel="Copy password"
      secret={password}
      onClose={onClose}
    />
  );
}
