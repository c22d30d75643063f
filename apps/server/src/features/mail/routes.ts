/** /api/mail: whether mail to users is on, and the CsAdministrator's preview of its settings and messages. */
import { defineRoute } from "../../http/define-route.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import type { MailService } from "./mail-service.ts";

export function mailRoutes(mail: MailService): RouteDefinition[] {
  return [
    defineRoute({
      method: "get",
      path: "/mail",
      access: "signedIn",
      summary: "Whether PinDesk can send mail to users (Set PIN offers sending the PIN by email only then)",
      handle: (_input, _req, res) => {
        res.json(mail.enabled());
      },
    }),
    defineRoute({
      method: "get",
      path: "/mail/preview",
      access: "mail:preview",
      summary: "The SMTP settings in effect (no password) and each message rendered for a sample user",
      handle: (_input, _req, res) => {
        res.json(mail.preview());
      },
    }),
  ];
}
