import type { Role } from "@stagedoor/db";

// A tuple (not Role[]) so input schemas can build their enum from it: z.enum(ROLES).
export const ROLES = ["OWNER", "ADMIN", "MEMBER"] as const satisfies readonly Role[];
