/** Whether PinDesk can send mail to users: Set PIN offers "Send the PIN to the user by email" only then. */
import type { MailEnabledResponse } from "@pindesk/domain/mail/mail-api";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { usersKeys } from "./users-keys.ts";

export const useMailEnabled = () =>
  useQuery({
    queryKey: [...usersKeys.all, "mail-enabled"] as const,
    queryFn: ({ signal }) => apiRequest<MailEnabledResponse>("/api/mail", { signal }),
    // A setting of the server: it changes with a restart, not while the page is open.
    staleTime: Number.POSITIVE_INFINITY,
  }).data?.enabled === true;
