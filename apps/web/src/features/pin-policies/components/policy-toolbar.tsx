/**
 * New (Site policy / User policy), Edit and Remove, as above Lync's PIN Policy list. Roles without
 * pinPolicy:write see them disabled, with a tooltip naming the roles that may.
 */
import {
  Button,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { AddRegular, DeleteRegular, EditRegular } from "@fluentui/react-icons";
import type { PinPolicy } from "@pindesk/domain/pins/pin-policy-api";
import { ReasonTooltip } from "../../../components/reason-tooltip.tsx";
import { usePermission } from "../../../lib/session.tsx";

const useStyles = makeStyles({
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

interface PolicyToolbarProps {
  selected: PinPolicy | undefined;
  /** Site policy needs a site without one. */
  canAddSitePolicy: boolean;
  onNew: (kind: "newSite" | "newUser") => void;
  onEdit: () => void;
  onRemove: () => void;
}

export function PolicyToolbar({ selected, canAddSitePolicy, onNew, onEdit, onRemove }: PolicyToolbarProps) {
  const styles = useStyles();
  const { allowed, reason } = usePermission("pinPolicy:write");
  const noSelection = selected ? undefined : "Select a PIN policy first.";
  // Each dialog gives focus back to the button that opened it (docs/design.md, "Focus").
  const restoreFocus = useRestoreFocusTarget();
  return (
    <div className={styles.toolbar}>
      {allowed ? (
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton icon={<AddRegular />} {...restoreFocus}>
              New
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem disabled={!canAddSitePolicy} onClick={() => onNew("newSite")}>
                Site policy
              </MenuItem>
              <MenuItem onClick={() => onNew("newUser")}>User policy</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      ) : (
        <ReasonTooltip reason={reason}>
          <MenuButton icon={<AddRegular />} disabledFocusable>
            New
          </MenuButton>
        </ReasonTooltip>
      )}
      <ReasonTooltip reason={reason ?? noSelection}>
        <Button
          icon={<EditRegular />}
          disabledFocusable={!allowed || !selected}
          onClick={onEdit}
          {...restoreFocus}
        >
          Edit
        </Button>
      </ReasonTooltip>
      <ReasonTooltip reason={reason ?? noSelection}>
        <Button
          icon={<DeleteRegular />}
          disabledFocusable={!allowed || !selected}
          onClick={onRemove}
          {...restoreFocus}
        >
          Remove
        </Button>
      </ReasonTooltip>
    </div>
  );
}
