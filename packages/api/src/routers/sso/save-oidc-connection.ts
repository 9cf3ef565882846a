import { z } from "zod";
import { saveOidcConnection } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

const role = z.enum(["ADMIN", "MEMBER"]);

export const saveOidcConnectionProcedure = requirePermission("sso.manage")
  .input(
    z.object({
      issuer: z.string().min(1).max(500),
      clientId: z.string().min(1).max(500),
      // Omitted when editing: the stored secret is kept (it is never sent to the browser).
      clientSecret: z.string().max(2000).optional(),
      defaultRole: role.optional(),
      groupsClaim: z.string().max(100).nullable().optional(),
      groupRoles: z.record(z.string().max(200), role).optional(),
    }),
  )
  .mutation(({ ctx, input }) => saveOidcConnection(ctx.tenant, ctx.principal, ctx.integrations, input));
