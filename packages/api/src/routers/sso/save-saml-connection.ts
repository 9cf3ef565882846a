import { z } from "zod";
import { MAX_SAML_METADATA_BYTES, saveSamlConnection } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

const role = z.enum(["ADMIN", "MEMBER"]);

// One of metadataUrl / metadataXml (the service says so in words when both or neither come).
export const saveSamlConnectionProcedure = requirePermission("sso.manage")
  .input(
    z.object({
      metadataUrl: z.string().max(2000).nullable().optional(),
      metadataXml: z.string().max(MAX_SAML_METADATA_BYTES).nullable().optional(),
      defaultRole: role.optional(),
      groupsAttribute: z.string().max(200).nullable().optional(),
      groupRoles: z.record(z.string().max(200), role).optional(),
    }),
  )
  .mutation(({ ctx, input }) => saveSamlConnection(ctx.tenant, ctx.principal, ctx.integrations, input));
