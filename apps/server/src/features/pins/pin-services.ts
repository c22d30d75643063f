/** The pins feature's services: PIN actions (Lock, Unlock, Set PIN), PIN status, and bridges' PIN checks. */
import type { CoreDependencies } from "../../core/dependencies.ts";
import { createPinActionsService } from "./pin-actions-service.ts";
import { createPinCheckService } from "./pin-check-service.ts";
import { createPinStatusService } from "./pin-status-service.ts";

export function createPinServices(core: CoreDependencies) {
  return {
    actions: createPinActionsService(core),
    status: createPinStatusService(core),
    check: createPinCheckService(core),
  };
}

export type PinServices = ReturnType<typeof createPinServices>;
