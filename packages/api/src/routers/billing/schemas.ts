import { z } from "zod";
import { MAX_LICENSE_BULK, PLUGIN_KEYS } from "@stagedoor/core";

export const licensesInput = z.object({
  pluginKey: z.enum(PLUGIN_KEYS as [string, ...string[]]),
  userIds: z.array(z.string().min(1).max(100)).min(1).max(MAX_LICENSE_BULK),
});
