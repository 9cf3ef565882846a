import { z } from "zod";
import { MAX_PROPOSED_CATALOG_FILE_BYTES, openCatalogPullRequest, proposeCatalogFile } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

// Register by URL for a repository without a catalog file, as Backstage's import does: a
// generated catalog-info.yaml to check and edit, then a pull request that adds it.
const url = z.string().trim().min(1, "Enter the URL of a repository on GitHub.").max(2000);

export const proposeCatalogFileInput = z.object({ url, integrationId: z.string().min(1).max(100).optional() });

export const proposeCatalogFileProcedure = requirePermission("catalog.import")
  .input(proposeCatalogFileInput)
  .mutation(({ ctx, input }) => proposeCatalogFile(ctx.tenant, ctx.integrations, ctx.principal, input));

export const openCatalogPullRequestInput = z.object({
  url,
  integrationId: z.string().min(1).max(100),
  content: z
    .string()
    .min(1, "The file is empty.")
    .max(MAX_PROPOSED_CATALOG_FILE_BYTES, `The file may be at most ${MAX_PROPOSED_CATALOG_FILE_BYTES / 1024} KB.`),
});

export const openCatalogPullRequestProcedure = requirePermission("catalog.import")
  .input(openCatalogPullRequestInput)
  .mutation(({ ctx, input }) => openCatalogPullRequest(ctx.tenant, ctx.integrations, ctx.principal, input));
