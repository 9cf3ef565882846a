import { memberIdentity } from "@stagedoor/core";
import { orgProcedure } from "../../trpc";

/** The signed-in member's catalog User and the owner refs that make an entity theirs. */
export const meProcedure = orgProcedure.query(({ ctx }) => memberIdentity(ctx.db, ctx.actor.userId));
