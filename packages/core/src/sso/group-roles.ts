import type { Role } from "@stagedoor/db";
import { AppError } from "../errors";
import { ROLES } from "../roles";

/** IdP group name -> the role its members get in the org (never OWNER). */
export type GroupRoles = Record<string, Role>;

const MAX_GROUPS = 100;

export function parseGroupRoles(value: unknown): GroupRoles {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_GROUPS) throw new AppError("BAD_REQUEST", `Map at most ${MAX_GROUPS} groups.`);
  const out: GroupRoles = {};
  for (const [group, role] of entries) {
    const name = group.trim();
    if (!name) continue;
    if (!ROLES.includes(role as Role)) throw new AppError("BAD_REQUEST", `Unknown role for group ${name}.`);
    out[name] = role as Role;
  }
  return out;
}

/** The groups claim as a list of names (IdPs send an array, a few a single string). */
export function groupsFromClaims(claims: Record<string, unknown>, claim: string | null): string[] {
  if (!claim) return [];
  const value = claims[claim];
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === "string") : [];
}

/**
 * The role a signing-in member gets: the highest role any of their mapped groups grants,
 * else the connection's default. ROLES is ordered highest first.
 */
export function roleForGroups(groups: readonly string[], mapping: GroupRoles, fallback: Role): Role {
  const granted = groups.map((g) => mapping[g]).filter((r): r is Role => Boolean(r));
  return ROLES.find((r) => granted.includes(r)) ?? fallback;
}
