import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "../lib/api-client.ts";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx answer will not change on a retry (bad query, unknown user, no permission); a dropped connection
        // or a 5xx might, so those get one more try before the page shows the error.
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return failureCount < 1;
        },
        // Re-running a search of up to 10 000 users every time the window regains focus costs more than it
        // helps; Find always searches afresh.
        refetchOnWindowFocus: false,
      },
    },
  });
}
