import { kubernetesHealthForRefs } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { refsInput } from "./schemas";

export const healthForRefsProcedure = requirePermission("catalog.read")
  .input(refsInput)
  .query(({ ctx, input }) => kubernetesHealthForRefs(ctx.tenant, ctx.principal, input.refs));
