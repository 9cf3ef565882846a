import { z } from "zod";

/** Where a tag key allocates a cost row: to a catalog component (by name) or to a team (group name). */
export type AllocationTarget = "entity" | "team";
export type AllocationRule = { key: string; target: AllocationTarget };

/**
 * The tag keys tried in order; the first one with a non-empty value on a row allocates it.
 * Rows with none go to the unallocated bucket, which the insights page shows as such.
 */
export const DEFAULT_ALLOCATION_RULES: readonly AllocationRule[] = [
  { key: "backstage.io/component", target: "entity" },
  { key: "service", target: "entity" },
  { key: "team", target: "team" },
  { key: "owner", target: "team" },
];

export const MAX_ALLOCATION_RULES = 10;

export const allocationRulesSchema = z
  .array(
    z.object({
      key: z.string().trim().min(1).max(128),
      target: z.enum(["entity", "team"]),
    }),
  )
  .min(1)
  .max(MAX_ALLOCATION_RULES);

/** A JSON path DuckDB's json_extract_string takes for a tag key (keys hold dots and slashes). */
export const tagPath = (key: string) => `$."${key.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
