/**
 * Dialogs fill the screen at the narrow breakpoint (docs/decisions/0026-small-screens.md): a phone has no room
 * around a floating surface, and a full-height one scrolls its content rather than the page behind it.
 * Every DialogSurface of the console takes this class; above the breakpoint it changes nothing.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { NARROW } from "../lib/narrow-screen.ts";

export const useFullScreenDialogStyles = makeStyles({
  surface: {
    [NARROW]: {
      width: "100vw",
      maxWidth: "100vw",
      height: "100dvh",
      maxHeight: "100dvh",
      borderRadius: 0,
      padding: tokens.spacingHorizontalL,
    },
  },
});
