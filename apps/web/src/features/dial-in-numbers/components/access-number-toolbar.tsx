/**
 * New, Edit and Remove above the list, as a toolbar (arrow keys move between them). Roles without
 * dialInNumbers:write see them disabled, with a tooltip naming the roles that may.
 */
import { Button, makeStyles, Toolbar, tokens, useRestoreFocusTarget } from "@fluentui/react-components";
import { AddRegular, DeleteRegular, EditRegular } from "@fluentui/react-icons";
import { ReasonTooltip } from "../../../components/reason-tooltip.tsx";
import { usePermission } from "../../../lib/session.tsx";

const useStyles = makeStyles({
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

interface AccessNumberToolbarProps {
  hasSelection: boolean;
  onNew: () => void;
  onEdit: () => void;
  onRemove: () => void;
}

export function AccessNumberToolbar({ hasSelection, onNew, onEdit, onRemove }: AccessNumberToolbarProps) {
  const styles = useStyles();
  const { allowed, reason } = usePermission("dialInNumbers:write");
  const noSelection = hasSelection ? undefined : "Select a dial-in access number first.";
  // Each dialog gives focus back to the button that opened it (docs/design.md, "Focus").
  const restoreFocus = useRestoreFocusTarget();
  return (
    <Toolbar aria-label="Dial-in access number actions" className={styles.toolbar}>
      <ReasonTooltip reason={reason}>
        <Button icon={<AddRegular />} disabledFocusable={!allowed} onClick={onNew} {...restoreFocus}>
          New
        </Button>
      </ReasonTooltip>
      <ReasonTooltip reason={reason ?? noSelection}>
        <Button
          icon={<EditRegular />}
          disabledFocusable={!allowed || !hasSelection}
          onClick={onEdit}
          {...restoreFocus}
        >
          Edit
        </Button>
      </ReasonTooltip>
      <ReasonTooltip reason={reason ?? noSelection}>
        <Button
          icon={<DeleteRegular />}
          disabledFocusable={!allowed || !hasSelection}
          onClick={onRemove}
          {...restoreFocus}
        >
          Remove
        </Button>
      </ReasonTooltip>
    </Toolbar>
  );
}
