/** Service keys for dial-in bridges, as the console and CLI manage them. */
import { z } from "zod";

export const ServiceKeyName = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,127}$/,
    "must be 1 to 128 letters, digits, spaces, dots, hyphens or underscores",
  );

export const CreateServiceKeyRequest = z.object({ name: ServiceKeyName }).strict();

export interface ServiceKeyView {
  id: number;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}
