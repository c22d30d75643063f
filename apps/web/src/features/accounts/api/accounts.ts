/** The Console accounts API: list, create, change roles, disable/enable, reset password. */
import type {
  AccountWithPassword,
  ConsoleAccount,
  CreateAccountRequest,
} from "@pindesk/domain/accounts/console-account";
import type { CsRole } from "@pindesk/domain/auth/roles";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

export const accountsKeys = { all: ["accounts"] as const };

export function accountsQueryOptions() {
  return queryOptions({
    queryKey: accountsKeys.all,
    queryFn: ({ signal }) => apiRequest<{ accounts: ConsoleAccount[] }>("/api/accounts", { signal }),
    select: (data) => data.accounts,
  });
}

export const useAccounts = () => useQuery(accountsQueryOptions());

/** Every account change answers the changed account (and perhaps a password); the list is refetched. */
function useAccountMutation<Input, Output>(request: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKeys.all }),
  });
}

export const useCreateAccount = () =>
  useAccountMutation((request: CreateAccountRequest) =>
    apiRequest<AccountWithPassword>("/api/accounts", { body: request }),
  );

export const useSetRoles = () =>
  useAccountMutation(({ id, roles }: { id: number; roles: CsRole[] }) =>
    apiRequest<{ account: ConsoleAccount }>(`/api/accounts/${id}/roles`, { method: "PUT", body: { roles } }),
  );

export const useSetDisabled = () =>
  useAccountMutation(({ id, disabled }: { id: number; disabled: boolean }) =>
    apiRequest<{ account: ConsoleAccount }>(`/api/accounts/${id}/${disabled ? "disable" : "enable"}`, {
      method: "POST",
    }),
  );

export const useResetPassword = () =>
  useAccountMutation((id: number) =>
    apiRequest<AccountWithPassword>(`/api/accounts/${id}/reset-password`, { method: "POST" }),
  );
