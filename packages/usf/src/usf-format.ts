/**
 * The .usf saved-query format (docs/design.md, "Saved queries", docs/usf-format.md): names and limits shared
 * by the reader, the writer and the tests.
 */

export const USF_NAMESPACE = "urn:pindesk:usf";
/** The newest format version this code reads and writes: 2 added <Sort> (docs/usf-format.md, "Versioning"). */
export const USF_VERSION = 2;
/** The version of a file without <Sort>: the writer keeps it, so older PinDesk versions still open such files. */
export const USF_VERSION_WITHOUT_SORT = 1;
/** 64 KiB: every valid query fits with room to spare (docs/usf-format.md), so more is not a saved query. */
export const MAX_USF_BYTES = 64 * 1024;

/** The children of <UserSearch>, in the order the format requires (<Sort> from version 2). */
export const USF_ELEMENTS = ["Mode", "SearchText", "LdapFilter", "MaxUsers", "Filters", "Sort"] as const;
export type UsfElement = (typeof USF_ELEMENTS)[number];

/** A reason a file was refused. `line` and `column` are 1-based; file-wide problems are on line 1. */
export interface UsfProblem {
  line: number;
  column?: number;
  message: string;
}
