import type { DirectoryRun, DirectoryStatus } from "@pindesk/domain/directory/directory-sync";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { QUERY_ROOTS } from "../../../lib/query-roots.ts";
import { useUsersRefreshAfterSync } from "./use-users-refresh-after-sync.ts";

const run = (id: number, status: DirectoryRun["status"]): DirectoryRun => ({
  id,
  kind: "incremental",
  trigger: "Sync now",
  status,
  startedAt: "2026-05-04T10:00:00.000Z",
  finishedAt: status === "running" ? null : "2026-05-04T10:00:01.000Z",
  seconds: 1,
  added: 1,
  changed: 0,
  removed: 0,
  refused: 0,
  error: null,
});

const withRuns = (...recentRuns: DirectoryRun[]) => ({ recentRuns }) as DirectoryStatus;

function watch(initial: DirectoryStatus | undefined) {
  const queryClient = new QueryClient();
  const invalidate = vi.spyOn(queryClient, "invalidateQueries");
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const hook = renderHook(({ status }) => useUsersRefreshAfterSync(status), {
    wrapper,
    initialProps: { status: initial },
  });
  return { hook, invalidate };
}

describe("useUsersRefreshAfterSync", () => {
  it("leaves the users alone when the page opens, and while a pass runs", () => {
    const { hook, invalidate } = watch(undefined);
    hook.rerender({ status: withRuns(run(1, "completed")) });
    hook.rerender({ status: withRuns(run(2, "running"), run(1, "completed")) });
    expect(invalidate).not.toHaveBeenCalled();
  });

  it("reads the users again once a pass the page watched has ended, completed or failed", () => {
    const { hook, invalidate } = watch(withRuns(run(1, "completed")));
    hook.rerender({ status: withRuns(run(2, "completed"), run(1, "completed")) });
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: QUERY_ROOTS.users });
    hook.rerender({ status: withRuns(run(3, "failed"), run(2, "completed")) });
    expect(invalidate).toHaveBeenCalledTimes(2);
    // The same answer polled again is no news.
    hook.rerender({ status: withRuns(run(3, "failed"), run(2, "completed")) });
    expect(invalidate).toHaveBeenCalledTimes(2);
  });
});
