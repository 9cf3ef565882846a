import { getHome } from "@stagedoor/core";
import { orgProcedure } from "../../trpc";

export const getHomeProcedure = orgProcedure.query(({ ctx }) => getHome(ctx.db, ctx.actor.userId));
