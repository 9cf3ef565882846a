import { getEntity } from "@stagedoor/core";
import { orgProcedure } from "../../trpc";
import { entityRefInput } from "./schemas";

export const getEntityProcedure = orgProcedure
  .input(entityRefInput)
  .query(({ ctx, input }) => getEntity(ctx.db, input.ref));
