import { generateKeyPairSync } from "node:crypto";
import { schema as githubSchema } from "@octokit/graphql-schema";
import {
  buildClientSchema,
  execute,
  parse,
  validate,
  visit,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLTypeResolver,
  type IntrospectionQuery,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchFilesBatch } from "../github/batch-files";
import { createGitHubClient, type GitHubClient } from "../github/client";
import { discoverRepositories } from "../github/discover";
import { fetchOrganizationTeams } from "../github/teams";
import { startFakeGitHub, type FakeGitHub } from "./fake-github";
import { FAKE_GRAPHQL_OPERATIONS } from "./fake-graphql";

// GitHub's published GraphQL schema: every query the client sends must be valid against it,
// and every answer the fake gives must be one GitHub could give to that query (no field the
// query did not ask for, none missing, nulls only where the schema allows them, enum values
// and scalar types as declared).
const schema = buildClientSchema(githubSchema.json as unknown as IntrospectionQuery);

type Exchange = {
  operation: string;
  query: string;
  variables: Record<string, unknown>;
  answer: { data?: Record<string, unknown> | null; errors?: unknown[] };
};

const TOKEN = "github_pat_schema";
const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
let fake: FakeGitHub;
const exchanges: Exchange[] = [];

/** Records each GraphQL request the client sends with the answer the fake gave. */
const recordingFetch: typeof globalThis.fetch = async (input, init) => {
  const response = await globalThis.fetch(input, init);
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (new URL(url).pathname.endsWith("/graphql")) {
    const body = JSON.parse(String(init?.body)) as { query: string; variables?: Record<string, unknown> };
    exchanges.push({
      operation: /\bquery\s+(\w+)/.exec(body.query)?.[1] ?? "(anonymous)",
      query: body.query,
      variables: body.variables ?? {},
      answer: (await response.clone().json()) as Exchange["answer"],
    });
  }
  return response;
};

const client = (credentials: Parameters<typeof createGitHubClient>[0]): GitHubClient =>
  createGitHubClient(credentials, {
    baseUrl: fake.url,
    fetch: recordingFetch,
    outbound: { allowPrivateNetworks: true },
  });

// The answer the fake gave is the root value; each field reads its response key (aliases included).
const byResponseKey: GraphQLFieldResolver<unknown, unknown> = (source, _args, _context, info) =>
  (source as Record<string, unknown> | null)?.[info.path.key as string];

// GitHub sends __typename only when a query asks for it. Without it, the object's type is the
// one among the query's fragment types whose fields best match the answer's keys (nodes(ids)
// { ... on Repository }); with interface fields alone (owner { login }) any implementation
// answers the same.
const byTypename =
  (conditions: Set<string>): GraphQLTypeResolver<unknown, unknown> =>
  (value, _context, info, abstractType) => {
    const typename = (value as { __typename?: unknown } | null)?.__typename;
    if (typeof typename === "string") return typename;
    const possible = info.schema.getPossibleTypes(abstractType);
    const named = possible.filter((t) => conditions.has(t.name));
    const keys = Object.keys(value as object);
    const score = (t: (typeof possible)[number]) => keys.filter((k) => k in t.getFields()).length;
    return [...(named.length ? named : possible)].sort((a, b) => score(b) - score(a))[0]?.name;
  };

function typeConditions(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  visit(document, {
    InlineFragment: (node) => void (node.typeCondition && names.add(node.typeCondition.name.value)),
    FragmentDefinition: (node) => void names.add(node.typeCondition.name.value),
  });
  return names;
}

beforeAll(async () => {
  const members = Array.from({ length: 130 }, (_, i) => `dev-${String(i).padStart(3, "0")}`);
  fake = await startFakeGitHub({
    tokens: { [TOKEN]: { login: "octocat" } },
    app: { id: 5, privateKey, installations: [{ id: 9 }] },
    users: [{ login: "dev-000", name: "Dev Zero", email: "dev0@acme.example" }],
    teams: [
      { slug: "platform", name: "Platform", description: "Runs the platform", members },
      { slug: "payments", name: "Payments", parent: "platform", members: ["dev-001"] },
    ],
    repositories: Array.from({ length: 105 }, (_, i) => ({
      name: `svc-${String(i).padStart(3, "0")}`,
      topics: i === 0 ? ["backend", "go"] : [],
      archived: i === 1,
      empty: i === 2,
      description: i === 3 ? "Payments ledger" : null,
      files:
        i === 2
          ? {}
          : {
              "catalog-info.yaml": `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc-${i}\n`,
              ...(i % 2 === 0 ? { ".github/CODEOWNERS": "* @acme/platform\n" } : {}),
              ...(i === 4 ? { "docs/logo.png": new Uint8Array([0x89, 0x50, 0x00, 0x47]) } : {}),
            },
      teams: [{ slug: "platform", permission: i === 0 ? "admin" : "push" }],
      // CI status in discovery: completed runs of both outcomes, one still running, none at all.
      workflowRuns:
        i % 3 === 2
          ? []
          : [
              { workflowName: "CI", conclusion: i % 2 === 0 ? "success" : "failure" },
              ...(i === 0 ? [{ workflowName: "Deploy", status: "in_progress" as const }] : []),
            ],
    })),
  });

  const token = client({ type: "token", token: TOKEN });
  await discoverRepositories(token, { owner: "acme", catalogPaths: ["catalog-info.yaml", "docs"] });
  await discoverRepositories(token, { owner: "acme", includeCiStatus: true, includeCodeowners: false });
  await discoverRepositories(client({ type: "app", appId: 5, privateKey, installationId: 9 }), { pageSize: 60 });
  await discoverRepositories(client({ type: "app", appId: 5, privateKey, installationId: 9 }), {
    pageSize: 60,
    includeCiStatus: true,
  });
  await fetchFilesBatch(token, [
    { owner: "acme", repo: "svc-000", path: "catalog-info.yaml" },
    { owner: "acme", repo: "svc-004", path: "docs/logo.png" },
    { owner: "acme", repo: "svc-004", path: "docs" },
    { owner: "acme", repo: "svc-005", path: "missing.yaml" },
  ]);
  await fetchOrganizationTeams(token, { org: "acme", includeRepositories: true, includeAllMembers: true });
});
afterAll(() => fake.close());

describe("the fake's GraphQL against GitHub's published schema", () => {
  it("saw every operation the fake answers, each answered without errors", () => {
    expect(FAKE_GRAPHQL_OPERATIONS.length).toBe(7);
    expect([...new Set(exchanges.map((e) => e.operation))].sort()).toEqual([...FAKE_GRAPHQL_OPERATIONS].sort());
    expect(exchanges.filter((e) => e.answer.errors !== undefined)).toEqual([]);
    // The CI status fragment was sent and answered with check suites, so its shapes are checked below.
    const ci = exchanges.filter((e) => e.query.includes("...StagedoorCiStatus"));
    expect(ci.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(ci.map((e) => e.answer.data))).toContain('"workflowRun":{"databaseId"');
  });

  it("every query the client sent is valid against the schema", () => {
    expect(exchanges.length).toBeGreaterThan(FAKE_GRAPHQL_OPERATIONS.length);
    const invalid = exchanges.flatMap((e) =>
      validate(schema, parse(e.query)).map((error) => `${e.operation}: ${error.message}`),
    );
    expect(invalid).toEqual([]);
  });

  it("every answer the fake gave is one the schema allows for that query, field for field", async () => {
    expect(exchanges.length).toBeGreaterThan(FAKE_GRAPHQL_OPERATIONS.length);
    for (const exchange of exchanges) {
      const document = parse(exchange.query);
      const result = await execute({
        schema,
        document,
        rootValue: exchange.answer.data,
        variableValues: exchange.variables,
        fieldResolver: byResponseKey,
        typeResolver: byTypename(typeConditions(document)),
      });
      const context = `${exchange.operation} ${JSON.stringify(exchange.variables).slice(0, 120)}`;
      const problems = new Set(
        result.errors?.map((e) => `${e.message} at ${e.path?.map((p) => (typeof p === "number" ? "#" : p)).join(".")}`),
      );
      expect({ context, problems: [...problems] }).toEqual({ context, problems: [] });
      expect({ context, data: result.data }).toEqual({ context, data: exchange.answer.data });
    }
  });
});
