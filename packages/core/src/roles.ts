import type { Role } from "@stagedoor/db";

export const ROLES: readonly Role[] = ["OWNER", "ADMIN", "MEMBER"];
