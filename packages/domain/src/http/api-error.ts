/** The error body every API failure answers with (docs/design.md, "HTTP API"). */
export interface ApiErrorDetail {
  /** Where the problem is, as a dotted path into the request (`filters.2.value`). */
  path: string;
  message: string;
  /** For a value with a syntax (an LDAP filter): the 0-based index of the offending character, for the caret. */
  position?: number;
}

export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    details?: ApiErrorDetail[];
  };
}
