import { listApiTokens } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";

export const listTokensProcedure = adminProcedure.query(({ ctx }) => listApiTokens(ctx.db));
