import { listDomains } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const listDomainsProcedure = requirePermission("sso.manage").query(({ ctx }) =>
  listDomains(ctx.tenant, ctx.principal),
);
