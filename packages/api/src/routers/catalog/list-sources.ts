import { listCatalogSources } from "@stagedoor/core";
import { orgProcedure } from "../../trpc";

export const listSourcesProcedure = orgProcedure.query(({ ctx }) => listCatalogSources(ctx.db));
