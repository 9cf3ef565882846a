import { z } from "zod";
import {
  importPastedCatalog,
  IMPORT_YAML_MAX_CHARS,
  MAX_CATALOG_FILE_BYTES,
  MAX_REGISTER_FILE_NAME,
  MAX_REGISTER_FILES,
  MAX_SOURCE_KEY_LENGTH,
} from "@stagedoor/core";
import { requirePermission } from "../../trpc";

// The Register page: paste or upload YAML, dry-run it, then import it as a push source
// (the one named, or else the file's own: see pasteSourceKey).
export const importYamlInput = z.object({
  source: z.string().max(MAX_SOURCE_KEY_LENGTH).optional(),
  files: z
    .array(
      z.object({
        name: z.string().min(1).max(MAX_REGISTER_FILE_NAME),
        content: z.string().max(MAX_CATALOG_FILE_BYTES),
      }),
    )
    .min(1)
    .max(MAX_REGISTER_FILES)
    // All files together, so that any input accepted here also fits the tRPC body limit.
    .refine((files) => files.reduce((n, f) => n + f.content.length, 0) <= IMPORT_YAML_MAX_CHARS, {
      message: `The files add up to more than ${IMPORT_YAML_MAX_CHARS / (1024 * 1024)} MiB of YAML; import larger catalogs with the REST API or the CLI.`,
    }),
  dryRun: z.boolean().default(true),
});

export const importYamlProcedure = requirePermission("catalog.import")
  .input(importYamlInput)
  .mutation(({ ctx, input }) => importPastedCatalog(ctx.tenant, ctx.principal, input));
