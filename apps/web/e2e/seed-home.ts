// Seeds a developer's corner of the catalog for home.spec.ts through the app's own
// services (run with tsx, as the worker is): a team with the developer as a member, its
// components with GitHub slugs, another team's component, and CI runs (one failing).
// Usage: tsx apps/web/e2e/seed-home.ts <org slug> <developer email>
import { createDatabase } from "@stagedoor/db";
import { importCatalog, upsertWorkflowRuns } from "@stagedoor/core";

const [slug, email] = process.argv.slice(2);
if (!slug || !email || !process.env.DATABASE_URL)
  throw new Error("usage: seed-home.ts <slug> <email> (DATABASE_URL set)");

const doc = (kind: string, name: string, spec: string, metadata = "") =>
  `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${metadata}spec:\n${spec}`;
const component = (name: string, owner: string, description: string) =>
  doc(
    "Component",
    name,
    `  type: service\n  lifecycle: production\n  owner: ${owner}\n`,
    `  description: ${description}\n  annotations:\n    github.com/project-slug: acme/${name}\n`,
  );

const yaml = [
  doc("Group", "payments", "  type: team\n  profile: { displayName: Payments Team }\n  children: []\n"),
  doc("Group", "discovery", "  type: team\n  profile: { displayName: Discovery Squad }\n  children: []\n"),
  doc("User", "dev", `  profile: { displayName: Dana Developer, email: ${email} }\n  memberOf: [payments]\n`),
  component("payments-api", "payments", "Takes card payments"),
  component("ledger-service", "payments", "Double-entry ledger"),
  component("search-indexer", "discovery", "Feeds the search cluster"),
].join("---\n");

const db = createDatabase({ url: process.env.DATABASE_URL, poolSize: 2 });
try {
  const org = await db.admin.organization.findUniqueOrThrow({ where: { slug } });
  const tenant = db.forOrg(org.id);
  await importCatalog(tenant, null, {
    source: { type: "PUSH", key: "e2e-home" },
    files: [{ name: "catalog-info.yaml", content: yaml }],
  });
  const run = (repo: string, id: number, conclusion: "success" | "failure", minutesAgo: number) => {
    const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    return {
      repository: `acme/${repo}`,
      id,
      runNumber: id,
      runAttempt: 1,
      workflowName: "CI",
      status: "completed" as const,
      conclusion,
      branch: "main",
      commitSha: "0123456789abcdef",
      actor: "dev",
      event: "push",
      startedAt: at,
      updatedAt: at,
      durationSeconds: 90,
      url: `https://github.com/acme/${repo}/actions/runs/${id}`,
    };
  };
  await upsertWorkflowRuns(tenant, org.id, "e2e-home", [
    run("payments-api", 101, "success", 30),
    run("ledger-service", 102, "success", 60),
    run("ledger-service", 103, "failure", 5),
  ]);
} finally {
  await db.disconnect();
}
