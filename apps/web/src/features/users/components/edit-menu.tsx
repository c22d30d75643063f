import {
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import type { Ref } from "react";

interface EditMenuProps {
  /** Show details describes one user, so it needs exactly one selected row. */
  canShowDetails: boolean;
  canSelectAll: boolean;
  onShowDetails: () => void;
  onSelectAll: () => void;
  /** The Edit button, for giving focus back to it when Show details closes. */
  ref?: Ref<HTMLButtonElement>;
}

/** Lync's Edit menu above the Users list. */
export function EditMenu({ canShowDetails, canSelectAll, onShowDetails, onSelectAll, ref }: EditMenuProps) {
  // Show details' drawer gives focus back here when it closes (docs/design.md, "Focus").
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton ref={ref} appearance="subtle" {...restoreFocusTarget}>
          Edit
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem disabled={!canShowDetails} onClick={onShowDetails}>
            Show details
          </MenuItem>
          <MenuItem disabled={!canSelectAll} onClick={onSelectAll}>
            Select all search results
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
