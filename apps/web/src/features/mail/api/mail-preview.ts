/** The mail settings in effect and each message rendered for a sample user (mail:preview, CsAdministrator). */
import type { MailPreview } from "@pindesk/domain/mail/mail-api";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

export const useMailPreview = () =>
  useQuery({
    queryKey: ["mail", "preview"] as const,
    queryFn: ({ signal }) => apiRequest<MailPreview>("/api/mail/preview", { signal }),
  });
