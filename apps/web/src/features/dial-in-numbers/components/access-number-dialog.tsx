/**
 * New and Edit, as Lync's dial-in access number editor. The server checks every field; its refusal is shown
 * under the fields it names (a taken line URI too), and what no field shows, above the buttons.
 */
import type { DialInAccessNumber } from "@pindesk/domain/dial-in/access-number-api";
import { useState } from "react";
import { FormDialog } from "../../../components/form-dialog.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { useCreateDialInNumber, useUpdateDialInNumber } from "../api/dial-in-numbers.ts";
import {
  type AccessNumberDraft,
  type DraftErrors,
  type DraftField,
  draftFrom,
  EMPTY_DRAFT,
  fieldErrors,
  requestFrom,
} from "../lib/access-number-draft.ts";
import { AccessNumberFields } from "./access-number-fields.tsx";

interface AccessNumberDialogProps {
  /** The number to edit; none for New. */
  number: DialInAccessNumber | undefined;
  /** The number as saved, and what to tell the person. */
  onDone: (number: DialInAccessNumber, message: string) => void;
  onCancel: () => void;
}

export function AccessNumberDialog({ number, onDone, onCancel }: AccessNumberDialogProps) {
  const create = useCreateDialInNumber();
  const update = useUpdateDialInNumber();
  const mutation = number ? update : create;
  const [draft, setDraft] = useState<AccessNumberDraft>(() => (number ? draftFrom(number) : EMPTY_DRAFT));
  const [errors, setErrors] = useState<DraftErrors>({});
  // The refusal as a whole, when some of it has no field to stand under.
  const [unplaced, setUnplaced] = useState<unknown>(null);

  const change = (field: DraftField, value: AccessNumberDraft[DraftField]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    // What was refused is being corrected: its message goes until the next Commit says otherwise.
    setErrors(({ [field]: _gone, ...rest }) => rest);
  };

  const refused = (error: unknown) => {
    const details = error instanceof ApiError ? error.details : [];
    const placed = fieldErrors(details);
    setErrors(placed.errors);
    setUnplaced(placed.rest.length > 0 || details.length === 0 ? error : null);
  };

  const submit = () => {
    setUnplaced(null);
    const request = requestFrom(draft);
    const done = (saved: DialInAccessNumber, verb: string) =>
      onDone(saved, `${saved.displayName} was ${verb}.`);
    if (number) {
      update.mutate(
        { id: number.id, request },
        { onSuccess: (answer) => done(answer.number, "saved"), onError: refused },
      );
    } else {
      create.mutate(request, { onSuccess: (answer) => done(answer.number, "created"), onError: refused });
    }
  };

  return (
    <FormDialog
      title={number ? `Edit dial-in access number: ${number.displayName}` : "New dial-in access number"}
      submitLabel="Commit"
      busy={mutation.isPending}
      error={unplaced}
      errorTitle="The dial-in access number was not saved"
      onCancel={onCancel}
      onSubmit={submit}
    >
      <AccessNumberFields draft={draft} errors={errors} onChange={change} />
    </FormDialog>
  );
}
