/**
 * After Set PIN, as Lync's "PIN Set Successfully": the new PINs stay hidden until Show PIN, can be copied,
 * and a mailto link opens a message to each user with their PIN. They are shown only in this dialog.
 */
import { Button, Checkbox, Link, Text } from "@fluentui/react-components";
import { CopyRegular } from "@fluentui/react-icons";
import type { SetPinResult } from "@pindesk/domain/pins/pin-api";
import { useState } from "react";
import { ResultsDialog } from "../../../../components/results-dialog.tsx";
import { useCopy } from "../../../../lib/use-copy.ts";
import { pinEmailHref } from "../../lib/pin-email.ts";
import { pinMailText } from "../../lib/pin-mail-text.ts";
import { TargetResultsTable } from "./target-results-table.tsx";

export function SetPinResults({ results, onClose }: { results: SetPinResult[]; onClose: () => void }) {
  const [show, setShow] = useState(false);
  const generated = results.some((result) => result.pin);
  const emailed = results.filter((result) => result.mail);
  const [only] = results;
  return (
    <ResultsDialog title="Set PIN" onClose={onClose}>
      {/* Sent by email to one user: the dialog says where, as the PIN itself is not here. */}
      {results.length === 1 && only?.mail && <Text as="p">{pinMailText(only.mail)}</Text>}
      <TargetResultsTable
        results={results}
        extra={
          generated
            ? {
                header: "PIN",
                cell: (result) => (result.pin ? <NewPin result={result} show={show} /> : null),
              }
            : emailed.length > 0
              ? { header: "Email", cell: (result) => (result.mail ? pinMailText(result.mail) : null) }
              : undefined
        }
      />
      {generated && (
        <Checkbox label="Show PIN" checked={show} onChange={(_e, data) => setShow(data.checked === true)} />
      )}
    </ResultsDialog>
  );
}

function NewPin({ result, show }: { result: SetPinResult; show: boolean }) {
  const pin = result.pin ?? "";
  const { copied, copy } = useCopy(pin);
  return (
    <div>
      {/* An output (role status) may carry a label: the PIN read out only once shown. */}
      <output aria-label={show ? `PIN ${pin}` : "PIN hidden"}>{show ? pin : "•".repeat(pin.length)}</output>{" "}
      <Button
        size="small"
        appearance="subtle"
        icon={<CopyRegular />}
        aria-label={`Copy the PIN of ${result.displayName}`}
        onClick={copy}
      >
        {copied ? "Copied" : undefined}
      </Button>
      <br />
      <Link href={pinEmailHref(result)}>Open my email application to send the new PIN to the user</Link>
    </div>
  );
}
