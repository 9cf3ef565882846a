import { listMembers } from "@stagedoor/core";
import { orgProcedure } from "../../trpc";

export const listMembersProcedure = orgProcedure.query(({ ctx }) => listMembers(ctx.db));
