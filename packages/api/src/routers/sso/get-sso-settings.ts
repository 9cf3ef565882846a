import { getSsoSettings } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const getSsoSettingsProcedure = requirePermission("sso.manage").query(({ ctx }) =>
  getSsoSettings(ctx.tenant, ctx.principal),
);
