/** Opening a .usf file, chosen or dropped: its search goes to onOpen; its problems to a dialog. */
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import type { UsfProblem } from "@pindesk/usf/usf-format";
import { useEffect, useState } from "react";

/** A dropped file, with a sequence number so dropping the same file twice opens it twice. */
export interface OpenedFile {
  file: File;
  sequence: number;
}

export function useOpenUsfFile(onOpen: (query: SearchQuery) => void, dropped: OpenedFile | undefined) {
  const [problems, setProblems] = useState<{ fileName: string; problems: UsfProblem[] } | null>(null);

  const open = (file: File) => {
    // The .usf reader (an XML parser) is fetched with the first file opened, not with the Users page
    // (docs/decisions/0028-bundle-and-compression.md).
    void import("../lib/usf-file.ts")
      .then(({ readUsfFile }) => readUsfFile(file))
      .then((result) => {
        if (result.ok) onOpen(result.query);
        else setProblems({ fileName: file.name, problems: result.problems });
      });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: a drop is an event: open it once, when it happens.
  useEffect(() => {
    if (dropped) open(dropped.file);
  }, [dropped]);

  return { open, problems, dismiss: () => setProblems(null) };
}
