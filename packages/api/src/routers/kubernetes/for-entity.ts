import { kubernetesForEntity } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { entityRefInput } from "./schemas";

export const forEntityProcedure = requirePermission("catalog.read")
  .input(entityRefInput)
  .query(({ ctx, input }) => kubernetesForEntity(ctx.tenant, ctx.principal, input.ref));
