/**
 * Open query, Save query (the .usf files of the Lync Control Panel), Copy link and My queries, beside the
 * search they act on. Opening a query restores it whole and runs it; a bad file leaves the search as it was.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { FolderOpenRegular, LinkRegular, SaveRegular, StarRegular } from "@fluentui/react-icons";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { lazy, Suspense, useRef, useState } from "react";
import { paths } from "../../../../lib/paths.ts";
import { type OpenedFile, useOpenUsfFile } from "../../hooks/use-open-usf-file.ts";

// Fetched when first opened, not with the Users page (docs/decisions/0028-bundle-and-compression.md).
const MyQueriesDialog = lazy(() =>
  import("./my-queries-dialog.tsx").then((module) => ({ default: module.MyQueriesDialog })),
);
const OpenProblemsDialog = lazy(() =>
  import("./open-problems-dialog.tsx").then((module) => ({ default: module.OpenProblemsDialog })),
);
const SaveQueryDialog = lazy(() =>
  import("./save-query-dialog.tsx").then((module) => ({ default: module.SaveQueryDialog })),
);

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  hidden: { display: "none" },
});

interface QueryToolbarProps {
  /** The search as the form holds it, or undefined (with the form's errors shown) when it is not complete. */
  currentQuery: () => SearchQuery | undefined;
  /** The search the page shows, which a link reproduces. */
  committedQuery: SearchQuery | undefined;
  onOpen: (query: SearchQuery) => void;
  /** A file dropped on the page, handed over by the page. */
  dropped: OpenedFile | undefined;
}

export function QueryToolbar({ currentQuery, committedQuery, onOpen, dropped }: QueryToolbarProps) {
  const styles = useStyles();
  const picker = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<{ kind: "save"; query: SearchQuery } | { kind: "mine" } | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const opened = useOpenUsfFile(onOpen, dropped);
  // Each dialog gives focus back to the button that opened it (docs/design.md, "Focus").
  const restoreFocus = useRestoreFocusTarget();

  const copyLink = () => {
    const link = `${window.location.origin}${paths.users(committedQuery)}`;
    void navigator.clipboard?.writeText(link);
    setCopied(link);
  };

  return (
    <>
      <div className={styles.bar}>
        <Button icon={<FolderOpenRegular />} onClick={() => picker.current?.click()} {...restoreFocus}>
          Open query
        </Button>
        <input
          ref={picker}
          className={styles.hidden}
          type="file"
          accept=".usf,application/xml,text/xml"
          aria-label="Query file to open"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = ""; // the same file may be chosen again after a fix
            if (file) opened.open(file);
          }}
        />
        <Button
          icon={<SaveRegular />}
          {...restoreFocus}
          onClick={() => {
            const query = currentQuery();
            if (query) setDialog({ kind: "save", query });
          }}
        >
          Save query
        </Button>
        <Button icon={<LinkRegular />} onClick={copyLink} disabled={!committedQuery}>
          Copy link
        </Button>
        <Button icon={<StarRegular />} onClick={() => setDialog({ kind: "mine" })} {...restoreFocus}>
          My queries
        </Button>
      </div>
      {copied && (
        <MessageBar intent="success">
          <MessageBarBody>Link copied: {copied}</MessageBarBody>
        </MessageBar>
      )}
      <Suspense fallback={null}>
        {dialog?.kind === "save" && <SaveQueryDialog query={dialog.query} onClose={() => setDialog(null)} />}
        {dialog?.kind === "mine" && (
          <MyQueriesDialog
            current={currentQuery()}
            onOpen={(query) => {
              setDialog(null);
              onOpen(query);
            }}
            onClose={() => setDialog(null)}
          />
        )}
        {opened.problems && (
          <OpenProblemsDialog
            fileName={opened.problems.fileName}
            problems={opened.problems.problems}
            onClose={opened.dismiss}
          />
        )}
      </Suspense>
    </>
  );
}
