import { z } from "zod";
import { MAX_CATALOG_PATHS } from "@stagedoor/core";

export const integrationIdInput = z.object({ id: z.string().min(1).max(100) });

/** Credentials as the form sends them; "saved" reuses the stored ones. */
export const githubAuthInput = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("app"),
    appId: z.union([z.string(), z.number()]).transform(String).pipe(z.string().max(40)),
    installationId: z.union([z.string(), z.number()]).transform(String).pipe(z.string().max(40)),
    privateKey: z.string().max(16_384),
  }),
  z.object({ type: z.literal("token"), token: z.string().max(1000) }),
  z.object({ type: z.literal("saved") }),
]);

const baseUrl = z.string().max(500).nullish();
const owner = z.string().max(100);

export const testGithubInput = z.object({
  id: z.string().min(1).max(100).optional(),
  baseUrl,
  owner,
  auth: githubAuthInput,
});

export const saveGithubInput = z.object({
  id: z.string().min(1).max(100).optional(),
  name: z.string().max(200),
  baseUrl,
  owner,
  auth: githubAuthInput,
  catalogPaths: z.array(z.string().max(500)).max(MAX_CATALOG_PATHS).default(["catalog-info.yaml"]),
  syncIntervalMinutes: z.number().int().default(30),
  syncTeams: z.boolean().default(true),
  registerReposWithoutCatalog: z.boolean().default(false),
  allowOtherLocationOwners: z.boolean().default(false),
});
