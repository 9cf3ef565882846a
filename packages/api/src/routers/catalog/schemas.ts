import { z } from "zod";
import { LIST_SCOPES } from "@stagedoor/core";

const values = z.array(z.string().max(300)).max(50).optional();

/** The catalog list filters as the UI sends them (one AND-ed set; values OR-ed per key). */
export const entityFilterInput = z.object({
  kind: values,
  namespace: values,
  type: values,
  lifecycle: values,
  owner: values,
  system: values,
  tag: values,
});

export const entityQueryInput = z.object({
  filter: entityFilterInput.default({}),
  text: z.string().max(200).optional(),
  /** Owned by me (or my groups), starred by me, or everything. */
  scope: z.enum(LIST_SCOPES).default("all"),
});

export const entityRefInput = z.object({ ref: z.string().min(1).max(400) });
