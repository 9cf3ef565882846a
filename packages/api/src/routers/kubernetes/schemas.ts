import { z } from "zod";

const clusterAuth = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("token"),
    server: z.string().max(2000),
    caData: z.string().max(65_536).nullish(),
    token: z.string().max(16_384),
  }),
  z.object({
    type: z.literal("kubeconfig"),
    kubeconfig: z.string().max(262_144),
    context: z.string().max(253).nullish(),
  }),
  z.object({ type: z.literal("saved") }),
]);

export const testClusterInput = z.object({ id: z.string().max(100).optional(), auth: clusterAuth });

export const saveClusterInput = z.object({
  id: z.string().max(100).optional(),
  name: z.string().max(200),
  syncIntervalMinutes: z.number().int().optional(),
  auth: clusterAuth,
});

export const entityRefInput = z.object({ ref: z.string().min(1).max(300) });
export const refsInput = z.object({ refs: z.array(z.string().min(1).max(300)).max(200) });
