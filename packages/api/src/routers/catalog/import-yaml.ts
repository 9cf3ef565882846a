import { z } from "zod";
import { importCatalog, DEFAULT_PUSH_SOURCE } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

// The Register page: paste or upload YAML, dry-run it, then import it as a push source.
export const importYamlInput = z.object({
  source: z.string().min(1).max(200).default(DEFAULT_PUSH_SOURCE),
  files: z
    .array(z.object({ name: z.string().min(1).max(300), content: z.string().max(1024 * 1024) }))
    .min(1)
    .max(20),
  dryRun: z.boolean().default(true),
});

export const importYamlProcedure = requirePermission("catalog.import")
  .input(importYamlInput)
  .mutation(({ ctx, input }) =>
    importCatalog(ctx.tenant, ctx.principal, {
      source: { type: "PUSH", key: input.source },
      files: input.files,
      dryRun: input.dryRun,
    }),
  );
