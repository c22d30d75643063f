/** Jobs: an action on every user a search matches, followed while it runs. */
import { FINISHED_JOB_STATUSES, type JobView } from "@pindesk/domain/jobs/job";
import type { PinDelivery } from "@pindesk/domain/mail/mail-api";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { usersKeys } from "./users-keys.ts";

export type JobPath = "lock" | "unlock" | "set-pin" | "assign-policy";

const jobKey = (id: number) => [...usersKeys.all, "job", id] as const;

interface StartJob {
  path: JobPath;
  query: SearchQuery;
  /** Assign policies: the user policy, or null for automatic. */
  policy?: string | null;
  /** Set PIN: send each user their PIN by email instead of a results file. */
  delivery?: PinDelivery;
}

/** A Set PIN job by email goes on sending after its last chunk: followed until no message waits. */
const stillSending = (job: JobView) => job.delivery === "email" && (job.mail?.waiting ?? 0) > 0;

export function useStartJob() {
  return useMutation({
    mutationFn: ({ path, query, policy, delivery }: StartJob) =>
      apiRequest<{ job: JobView }>(`/api/jobs/${path}`, {
        body:
          path === "assign-policy"
            ? { query, policy: policy ?? null }
            : path === "set-pin"
              ? { query, delivery: delivery ?? "show" }
              : { query },
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
    refetchInterval: (query) => {
      const job = query.state.data;
      if (!job || !FINISHED_JOB_STATUSES.includes(job.status)) return 1000;
      return stillSending(job) ? 2000 : false;
    },
  });
}

export function useCancelJob(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ job: JobView }>(`/api/jobs/${id}/cancel`, { method: "POST" }),
    onSuccess: ({ job }) => queryClient.setQueryData(jobKey(id), job),
  });
}
