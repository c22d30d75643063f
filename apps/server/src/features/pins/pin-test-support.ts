/** What the PIN tests share: finding demo users, reading their PIN rows, and the result shapes. */
import type { PinStatusResponse, SetPinResult } from "@pindesk/domain/pins/pin-api";
import type { SearchResponse } from "@pindesk/domain/users/user";
import type { TargetResults } from "@pindesk/domain/users/user-targets";
import type { TestApp } from "../../test/test-app.ts";

export async function userId(app: TestApp, identity: string): Promise<number> {
  const { body } = await app.get<SearchResponse>(
    `/api/users/resolve?identity=${encodeURIComponent(identity)}`,
  );
  const [user] = body.users;
  if (!user || body.users.length !== 1) throw new Error(`${identity} does not name exactly one user`);
  return user.id;
}

export const pinRow = (app: TestApp, id: number) =>
  app.db.selectFrom("user_pins").selectAll().where("user_id", "=", id).executeTakeFirst();

export async function statusOf(app: TestApp, identity: string) {
  const { body, status } = await app.post<PinStatusResponse>("/api/pins/status", { identities: [identity] });
  if (status !== 200) throw new Error(`PIN status for ${identity}: ${status} ${JSON.stringify(body)}`);
  const [entry] = body.statuses;
  if (!entry) throw new Error(`no PIN status for ${identity}`);
  return entry.status;
}

export type Results = TargetResults<SetPinResult>;

export const outcomes = (results: Results) => results.results.map((r) => [r.identity, r.outcome]);
