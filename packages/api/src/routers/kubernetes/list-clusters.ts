import { listIntegrations, type KubernetesConfigView } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const listClustersProcedure = requirePermission("integrations.read").query(({ ctx }) =>
  listIntegrations<KubernetesConfigView>(ctx.tenant, ctx.principal, { provider: "kubernetes" }),
);
