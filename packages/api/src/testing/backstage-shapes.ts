import { z } from "zod";

// Backstage's documented response shapes (software-catalog-api docs; @backstage/catalog-model
// Entity and @backstage/errors ErrorResponseBody), for tests to hold our answers to.

const relation = z.strictObject({ type: z.string(), targetRef: z.string().regex(/^[^:]+:[^/]+\/.+$/) });

export const backstageEntity = z.object({
  apiVersion: z.string(),
  kind: z.string(),
  metadata: z
    .object({
      name: z.string(),
      namespace: z.string(),
      uid: z.uuid(),
      etag: z.string().min(1),
      title: z.string().optional(),
      description: z.string().optional(),
      labels: z.record(z.string(), z.string()).optional(),
      annotations: z.record(z.string(), z.string()).optional(),
      tags: z.array(z.string()).optional(),
      links: z.array(z.object({ url: z.string() })).optional(),
    })
    .loose(),
  spec: z.record(z.string(), z.unknown()).optional(),
  relations: z.array(relation),
});

export const entitiesResponse = z.array(backstageEntity);

export const queryEntitiesResponse = z.strictObject({
  items: z.array(backstageEntity),
  totalItems: z.number().int().min(0),
  pageInfo: z.strictObject({ nextCursor: z.string().optional(), prevCursor: z.string().optional() }),
});

export const entitiesByRefsResponse = z.strictObject({ items: z.array(backstageEntity.nullable()) });

export const facetsResponse = z.strictObject({
  facets: z.record(z.string(), z.array(z.strictObject({ value: z.string(), count: z.number().int().min(1) }))),
});

export const errorResponse = z.object({
  error: z.object({ name: z.string(), message: z.string() }),
  request: z.strictObject({ method: z.string(), url: z.string() }),
  response: z.strictObject({ statusCode: z.number().int() }),
});
