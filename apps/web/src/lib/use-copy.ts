/** Copy a one-time secret (a new PIN or password) to the clipboard, and say whether it worked. */
import { useState } from "react";

export function useCopy(text: string) {
  const [copied, setCopied] = useState(false);
  const copy = () =>
    navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return { copied, copy };
}
