import { workloadsWithProblems } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const problemsProcedure = requirePermission("catalog.read").query(({ ctx }) =>
  workloadsWithProblems(ctx.tenant, ctx.principal),
);
