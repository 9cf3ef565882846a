import { listIntegrations } from "@stagedoor/core";
import { orgProcedure } from "../../trpc";

export const listIntegrationsProcedure = orgProcedure.query(({ ctx }) => listIntegrations(ctx.db));
