/**
 * Lync's Action menu above the Users list. An action the signed-in roles may not run stays visible but
 * disabled, with a tooltip naming the roles that may (the server refuses it anyway).
 */
import {
  Menu,
  MenuButton,
  MenuDivider,
  MenuItem,
  MenuItemLink,
  MenuList,
  MenuPopover,
  MenuTrigger,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import type { Permission } from "@pindesk/domain/auth/permissions";
import { ReasonTooltip } from "../../../../components/reason-tooltip.tsx";
import { usePermission } from "../../../../lib/session.tsx";

export type PinAction = "status" | "set" | "lock" | "unlock" | "assign";

const ITEMS: readonly { action: PinAction; label: string; permission: Permission }[] = [
  { action: "status", label: "View PIN status", permission: "pin:read" },
  { action: "set", label: "Set PIN", permission: "pin:set" },
  { action: "lock", label: "Lock PIN", permission: "pin:lock" },
  { action: "unlock", label: "Unlock PIN", permission: "pin:lock" },
  { action: "assign", label: "Assign policies", permission: "pinPolicy:assign" },
];

interface ActionMenuProps {
  selectedCount: number;
  onAction: (action: PinAction) => void;
}

interface ActionMenuWithExportProps extends ActionMenuProps {
  /** Export to CSV downloads every user the search matches, selected or not. */
  exportHref: string;
}

export function ActionMenu({ selectedCount, onAction, exportHref }: ActionMenuWithExportProps) {
  // The dialogs open after the menu has closed, so no dialog trigger is theirs: focus comes back here, to
  // the button last focused that carries this mark, whichever way a dialog closes (docs/design.md, "Focus").
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton appearance="subtle" {...restoreFocusTarget}>
          Action
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {ITEMS.map((item) => (
            <ActionItem key={item.action} {...item} selectedCount={selectedCount} onAction={onAction} />
          ))}
          <MenuDivider />
          {/* A plain download link: the export is a GET the browser saves as a file, streamed by the server. */}
          <MenuItemLink href={exportHref} download>
            Export to CSV
          </MenuItemLink>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function ActionItem({
  action,
  label,
  permission,
  selectedCount,
  onAction,
}: (typeof ITEMS)[number] & ActionMenuProps) {
  const { allowed, reason } = usePermission(permission);
  // View PIN status is about the rows chosen; the others can also act on every user the search matches.
  const needsSelection = action === "status" && selectedCount === 0;
  const why = !allowed ? reason : needsSelection ? "Select one or more users first." : undefined;
  return (
    <ReasonTooltip reason={why} positioning="after">
      <MenuItem disabled={why !== undefined} onClick={() => onAction(action)}>
        {label}
      </MenuItem>
    </ReasonTooltip>
  );
}
