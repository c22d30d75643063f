/** Dropping a .usf file anywhere on the Users page opens it, as Open query does. */
import { type DragEvent, useRef, useState } from "react";
import type { OpenedFile } from "./use-open-usf-file.ts";

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes("Files");

export function useFileDrop() {
  const [dropped, setDropped] = useState<OpenedFile | undefined>(undefined);
  const sequence = useRef(0);
  const dropHandlers = {
    onDragOver: (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault(); // without this the browser would open the file itself
      event.dataTransfer.dropEffect = "copy";
    },
    onDrop: (event: DragEvent) => {
      const file = event.dataTransfer.files[0];
      if (!file) return;
      event.preventDefault();
      sequence.current += 1;
      setDropped({ file, sequence: sequence.current });
    },
  };
  return { dropped, dropHandlers };
}
