import { listUserOrgs } from "@stagedoor/core";
import { authedProcedure } from "../../trpc";

export const listMyOrgsProcedure = authedProcedure.query(({ ctx }) => listUserOrgs(ctx.admin, ctx.user.userId));
