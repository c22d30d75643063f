/**
 * Lync's View button beside Assign policies' PIN policy: the chosen user policy's settings, read-only, before
 * OK applies it. Nothing to view for <Keep as is> or Automatic (which policy applies then depends on each
 * user's site), so View is unavailable for them (docs/design.md, "What a person sees").
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { PinPolicy } from "@pindesk/domain/pins/pin-policy-api";
import { pinPolicyInWords } from "@pindesk/domain/pins/pin-policy-words";
import { DetailsList } from "../../../../components/details-list.tsx";
import { pinPolicySettingRows } from "../../lib/describe-pin-policy.ts";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  words: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

export function PinPolicyView({ policy, className }: { policy: PinPolicy | undefined; className?: string }) {
  if (!policy) {
    return (
      <Button className={className} disabled>
        View
      </Button>
    );
  }
  // Its own trigger: the dialog gives focus back to View when it closes.
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button className={className}>View</Button>
      </DialogTrigger>
      <PinPolicySettingsSurface policy={policy} />
    </Dialog>
  );
}

function PinPolicySettingsSurface({ policy }: { policy: PinPolicy }) {
  const styles = useStyles();
  const { description } = policy.settings;
  return (
    <DialogSurface>
      <DialogBody>
        <DialogTitle>PIN policy: {policy.name}</DialogTitle>
        <DialogContent className={styles.content}>
          {description && <Text>{description}</Text>}
          <DetailsList rows={pinPolicySettingRows(policy.settings)} />
          <Text as="h3" weight="semibold">
            What the Dial-in Conferencing page tells these users
          </Text>
          <ul className={styles.words} aria-label="The policy in words">
            {pinPolicyInWords(policy.settings).map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
        </DialogContent>
        <DialogActions>
          <DialogTrigger disableButtonEnhancement>
            <Button appearance="primary">Close</Button>
          </DialogTrigger>
        </DialogActions>
      </DialogBody>
    </DialogSurface>
  );
}
