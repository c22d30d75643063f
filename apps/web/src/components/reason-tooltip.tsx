import { Tooltip, type TooltipProps } from "@fluentui/react-components";
import type { ReactElement } from "react";

/**
 * Why a control is unavailable ("Needs the CsAdministrator role…"), as a tooltip that describes it. The
 * control stays focusable (`disabledFocusable`), so keyboard and pointer users can reach the reason.
 * Without a reason the control is shown as it is.
 */
export function ReasonTooltip({
  reason,
  positioning,
  children,
}: {
  reason: string | undefined;
  /** Beside a menu item ("after"), so the tooltip does not cover the items below it. */
  positioning?: TooltipProps["positioning"];
  children: ReactElement;
}) {
  if (!reason) return children;
  return (
    <Tooltip content={reason} relationship="description" positioning={positioning}>
      {children}
    </Tooltip>
  );
}
