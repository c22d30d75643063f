/**
 * The main navigation at the narrow breakpoint (docs/decisions/0026-small-screens.md): a [button] "Main menu"
 * in the header opens it in a drawer from the start edge; choosing a page closes it. The links and the
 * [navigation] "Main" landmark are the desktop side bar's own.
 */
import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  useRestoreFocusSource,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { DismissRegular, NavigationRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { MainNavigation } from "./main-navigation.tsx";

export function NavigationMenu({ buttonClassName }: { buttonClassName: string }) {
  const [open, setOpen] = useState(false);
  // Drawers give focus back to their opener only when both ends are marked (Fluent's restore-focus).
  const restoreTarget = useRestoreFocusTarget();
  const restoreSource = useRestoreFocusSource();
  return (
    <>
      <Button
        {...restoreTarget}
        appearance="transparent"
        className={buttonClassName}
        icon={<NavigationRegular />}
        aria-label="Main menu"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      />
      <OverlayDrawer
        {...restoreSource}
        position="start"
        size="small"
        open={open}
        onOpenChange={(_, data) => setOpen(data.open)}
      >
        <DrawerHeader>
          <DrawerHeaderTitle
            action={
              <Button
                appearance="subtle"
                aria-label="Close"
                icon={<DismissRegular />}
                onClick={() => setOpen(false)}
              />
            }
          >
            PinDesk
          </DrawerHeaderTitle>
        </DrawerHeader>
        <DrawerBody>
          <MainNavigation onNavigate={() => setOpen(false)} />
        </DrawerBody>
      </OverlayDrawer>
    </>
  );
}
