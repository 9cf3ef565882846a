import { z } from "zod";
import { importCatalogUrl } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

// The Register page's "by URL": a catalog file on the connected GitHub, read with the
// integration's credentials, dry-run first, imported as its own source.
export const importUrlInput = z.object({
  url: z.string().trim().min(1, "Enter the URL of a catalog file on GitHub.").max(2000),
  dryRun: z.boolean().default(true),
});

export const importUrlProcedure = requirePermission("catalog.import")
  .input(importUrlInput)
  .mutation(({ ctx, input }) => importCatalogUrl(ctx.tenant, ctx.integrations, ctx.principal, input));
