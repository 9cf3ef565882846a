import { getOwnership } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { entityRefInput } from "./schemas";

export const ownershipProcedure = requirePermission("catalog.read")
  .input(entityRefInput)
  .query(({ ctx, input }) => getOwnership(ctx.tenant, ctx.principal, input.ref));
