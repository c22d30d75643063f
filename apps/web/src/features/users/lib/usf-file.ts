/** .usf files in the browser: a default name for a search, a download, and reading a chosen or dropped file. */
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { parseUsf, type UsfReadResult } from "@pindesk/usf/parse-usf";
import { writeUsf } from "@pindesk/usf/write-usf";
import { downloadFile } from "../../../lib/download-file.ts";

/** "Ken.usf", "Finance managers.usf": the search text, or what kind of search it is. */
export function defaultFileName(query: SearchQuery): string {
  const base = query.mode === "LdapSearch" ? "LDAP search" : query.searchText?.trim() || "All users";
  // Characters no file system takes, and leading dots, go; the rest is what the person typed.
  const safe = base
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, " ")
    .replace(/^\.+/, "")
    .trim()
    .slice(0, 100);
  return `${safe || "Users search"}.usf`;
}

export function withUsfExtension(name: string): string {
  const trimmed = name.trim();
  return /\.usf$/i.test(trimmed) ? trimmed : `${trimmed}.usf`;
}

export function downloadUsf(query: SearchQuery, fileName: string): void {
  downloadFile(writeUsf(query), "application/xml;charset=utf-8", fileName);
}

/** Reads the file's bytes (so the reader checks the encoding too); a file too large is refused unread. */
export async function readUsfFile(file: File): Promise<UsfReadResult> {
  if (file.size > 1024 * 1024) {
    return {
      ok: false,
      problems: [
        {
          line: 1,
          message: `The file is ${Math.round(file.size / 1024)} KiB; a .usf file is at most 64 KiB`,
        },
      ],
    };
  }
  return parseUsf(new Uint8Array(await file.arrayBuffer()));
}
