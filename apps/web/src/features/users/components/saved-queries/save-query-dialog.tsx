/** Save query: the whole search as a .usf file, under a name the person chooses. */
import { Field, Input } from "@fluentui/react-components";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { useState } from "react";
import { FormDialog } from "../../../../components/form-dialog.tsx";
import { defaultFileName, downloadUsf, withUsfExtension } from "../../lib/usf-file.ts";

export function SaveQueryDialog({ query, onClose }: { query: SearchQuery; onClose: () => void }) {
  const [name, setName] = useState(() => defaultFileName(query));
  return (
    <FormDialog
      title="Save query"
      submitLabel="Save"
      busy={false}
      canSubmit={name.trim() !== ""}
      error={undefined}
      errorTitle=""
      onCancel={onClose}
      onSubmit={() => {
        downloadUsf(query, withUsfExtension(name));
        onClose();
      }}
    >
      <Field label="File name" hint="Saved to your downloads as a .usf file; Open query reads it back.">
        <Input value={name} onChange={(_, data) => setName(data.value)} />
      </Field>
    </FormDialog>
  );
}
