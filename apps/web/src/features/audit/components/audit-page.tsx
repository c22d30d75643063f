/**
 * Audit log (audit:read): every sign-in, account change and PIN action, newest first or sorted by a column
 * (on the server, kept in the address with the filters), filtered and paged.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Title1,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import type { AuditSortKey } from "@pindesk/domain/audit/audit-event";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { ApiErrorMessageBar } from "../../../components/api-error-message-bar.tsx";
import { useAuditPage } from "../api/audit.ts";
import type { AuditFilters } from "../lib/audit-url.ts";
import { auditFiltersFromParams, auditFiltersToParams, auditSortOf, sortAuditBy } from "../lib/audit-url.ts";
import { AuditFiltersForm } from "./audit-filters.tsx";
import { AuditTable } from "./audit-table.tsx";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  pager: { display: "flex", gap: tokens.spacingHorizontalM },
});

export function AuditPage() {
  const styles = useStyles();
  const [params, setParams] = useSearchParams();
  const filters = auditFiltersFromParams(params);
  // The pages already passed, to walk back to newer events.
  const [newer, setNewer] = useState<(number | undefined)[]>([]);
  const valid = typeof filters === "object" ? filters : {};
  const page = useAuditPage(valid);

  const go = (next: AuditFilters) => setParams(auditFiltersToParams(next));
  // Every event the filters match, not the page shown: the server streams them and audits the export.
  const { before: _page, ...matching } = valid;

  return (
    <div className={styles.page}>
      <title>Audit log — PinDesk</title>
      <Title1 as="h1">Audit log</Title1>
      <AuditFiltersForm
        key={params.toString()}
        value={valid}
        onApply={(next) => {
          setNewer([]);
          go({ ...next, sort: valid.sort, dir: valid.dir });
        }}
      />
      {typeof filters === "string" && (
        <MessageBar intent="error">
          <MessageBarBody>The filters in this page address are not valid: {filters}</MessageBarBody>
        </MessageBar>
      )}
      {page.isPending && <Spinner label="Loading the audit log…" />}
      {page.isError && <ApiErrorMessageBar title="The audit log could not be loaded" error={page.error} />}
      {page.data && (
        <AuditTable
          events={page.data.events}
          sort={{
            ...auditSortOf(valid),
            onSort: (by) => {
              setNewer([]);
              go(sortAuditBy(valid, by as AuditSortKey));
            },
          }}
        />
      )}
      <div className={styles.pager}>
        {/* A plain download link, as Export to CSV on Users: a GET the browser saves as a file. */}
        <Button
          as="a"
          href={`/api/audit/export.csv?${auditFiltersToParams(matching)}`}
          download
          icon={<ArrowDownloadRegular />}
        >
          Export to CSV
        </Button>
        <Button
          disabled={newer.length === 0}
          onClick={() => {
            setNewer(newer.slice(0, -1));
            go({ ...valid, before: newer.at(-1) });
          }}
        >
          Newer events
        </Button>
        <Button
          disabled={!page.data?.nextBefore}
          onClick={() => {
            setNewer([...newer, valid.before]);
            go({ ...valid, before: page.data?.nextBefore ?? undefined });
          }}
        >
          Older events
        </Button>
      </div>
    </div>
  );
}
