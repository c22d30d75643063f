/** What the last change on a list page did ("Created tag:Sales."), until dismissed or the next change. */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";

export function OutcomeMessageBar({ outcome, onDismiss }: { outcome: string | null; onDismiss: () => void }) {
  if (!outcome) return null;
  return (
    <MessageBar intent="success" politeness="polite">
      <MessageBarBody>{outcome}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss"
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}
