import { getOwnership } from "@stagedoor/core";
import { orgProcedure } from "../../trpc";
import { entityRefInput } from "./schemas";

export const ownershipProcedure = orgProcedure
  .input(entityRefInput)
  .query(({ ctx, input }) => getOwnership(ctx.db, input.ref));
