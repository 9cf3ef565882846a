import type { Role } from "@stagedoor/db";

const RANK: Record<Role, number> = { MEMBER: 1, ADMIN: 2, OWNER: 3 };

export const ROLES: readonly Role[] = ["OWNER", "ADMIN", "MEMBER"];

export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

/** Who the caller is inside an org; built by the API layer from session + membership. */
export type Actor = {
  userId: string;
  email: string;
  role: Role;
};
