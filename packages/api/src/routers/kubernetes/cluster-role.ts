import { readOnlyClusterRole } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

/** The copy-paste read-only ClusterRole, binding and service-account token Secret. */
export const clusterRoleProcedure = requirePermission("integrations.read").query(() => ({
  yaml: readOnlyClusterRole(),
}));
