import { starredRefs } from "@stagedoor/core";
import { orgProcedure } from "../../trpc";

export const starredRefsProcedure = orgProcedure.query(({ ctx }) => starredRefs(ctx.db, ctx.actor.userId));
