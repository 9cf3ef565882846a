import { z } from "zod";
import { importPastedCatalog } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";

// The Register page: paste or upload YAML, dry-run it, then import it as a push source
// (the one named, or else the file's own: see pasteSourceKey).
export const importYamlInput = z.object({
  source: z.string().max(200).optional(),
  files: z
    .array(z.object({ name: z.string().min(1).max(300), content: z.string().max(1024 * 1024) }))
    .min(1)
    .max(20),
  dryRun: z.boolean().default(true),
});

export const importYamlProcedure = adminProcedure
  .input(importYamlInput)
  .mutation(({ ctx, input }) => importPastedCatalog(ctx.db, { type: "user", ...ctx.actor }, input));
