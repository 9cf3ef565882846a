import { listCatalogSources } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const listSourcesProcedure = requirePermission("catalog.read").query(({ ctx }) =>
  listCatalogSources(ctx.tenant, ctx.principal),
);
