import type { Role } from "@stagedoor/db";

const RANK: Record<Role, number> = { MEMBER: 1, ADMIN: 2, OWNER: 3 };

// A tuple (not Role[]) so input schemas can build their enum from it: z.enum(ROLES).
export const ROLES = ["OWNER", "ADMIN", "MEMBER"] as const satisfies readonly Role[];

export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

/** Who the caller is inside an org; built by the API layer from session + membership. */
export type Actor = {
  userId: string;
  email: string;
  role: Role;
};
