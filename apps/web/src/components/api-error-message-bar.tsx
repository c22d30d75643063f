import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ApiError } from "../lib/api-client.ts";

interface ApiErrorMessageBarProps {
  /** What could not be done, e.g. "Search failed". */
  title: string;
  error: unknown;
}

/** An API failure as the administrator should read it: the server's message and the fields it names. */
export function ApiErrorMessageBar({ title, error }: ApiErrorMessageBarProps) {
  const message = error instanceof Error ? error.message : "An unexpected error occurred.";
  const details = error instanceof ApiError ? error.details : [];
  return (
    <MessageBar intent="error" layout={details.length > 0 ? "multiline" : "auto"}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
        {details.length > 0 && (
          <ul>
            {details.map((detail) => (
              <li key={`${detail.path}:${detail.message}`}>
                {detail.path ? `${detail.path}: ` : ""}
                {detail.message}
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
