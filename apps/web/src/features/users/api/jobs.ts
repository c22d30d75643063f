/** Jobs: an action on every user a search matches, followed while it runs. */
import { FINISHED_JOB_STATUSES, type JobView } from "@pindesk/domain/jobs/job";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { usersKeys } from "./users-keys.ts";

export type JobPath = "lock" | "unlock" | "set-pin" | "assign-policy";

const jobKey = (id: number) => [...usersKeys.all, "job", id] as const;

export function useStartJob() {
  return useMutation({
    mutationFn: ({ path, query, policy }: { path: JobPath; query: SearchQuery; policy?: string | null }) =>
      apiRequest<{ job: JobView }>(`/api/jobs/${path}`, {
        body: path === "assign-policy" ? { query, policy: policy ?? null } : { query },
      }).then((answer) => answer.job),
  });
}

/** Polled every second until the job has finished; then the users it changed are refetched. */
export function useJob(id: number) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: jobKey(id),
    queryFn: async ({ signal }) => {
      const { job } = await apiRequest<{ job: JobView }>(`/api/jobs/${id}`, { signal });
      if (FINISHED_JOB_STATUSES.includes(job.status)) {
        void queryClient.invalidateQueries({ queryKey: usersKeys.searches() });
      }
      return job;
    },
    refetchInterval: (query) =>
      query.state.data && FINISHED_JOB_STATUSES.includes(query.state.data.status) ? false : 1000,
  });
}

export function useCancelJob(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ job: JobView }>(`/api/jobs/${id}/cancel`, { method: "POST" }),
    onSuccess: ({ job }) => queryClient.setQueryData(jobKey(id), job),
  });
}
