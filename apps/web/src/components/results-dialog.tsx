/** The last step of an action: what happened (per user, or why a file could not be opened), then Close. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  mergeClasses,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useFullScreenDialogStyles } from "./full-screen-dialog.ts";

const useStyles = makeStyles({
  surface: { maxWidth: "min(900px, 96vw)" },
  wide: { maxWidth: "min(1200px, 96vw)" },
});

interface ResultsDialogProps {
  title: string;
  onClose: () => void;
  /** Wide for tables of many columns (View PIN status). */
  wide?: boolean;
  children: ReactNode;
}

export function ResultsDialog({ title, onClose, wide = false, children }: ResultsDialogProps) {
  const styles = useStyles();
  const fullScreen = useFullScreenDialogStyles();
  return (
    <Dialog open onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface className={mergeClasses(wide ? styles.wide : styles.surface, fullScreen.surface)}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
