import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "@stagedoor/db";
import { COST_PROVIDER } from "./settings";

/** A cost integration row for tests and the benchmark (an upload source: nothing to fetch). */
export async function makeCostIntegration(db: Database, orgId: string, name = "costs") {
  return db.admin.integration.create({
    data: {
      orgId,
      provider: COST_PROVIDER,
      name,
      config: { source: { type: "upload" }, allocation: undefined, growthAlertPercent: 20 },
      credentialsCiphertext: "",
    },
  });
}

/** Catalog components (with owner and system) so allocation has something to resolve against. */
export async function makeComponents(
  db: Database,
  orgId: string,
  components: ReadonlyArray<{ name: string; owner: string; system?: string }>,
) {
  const source = await db.admin.catalogSource.create({ data: { orgId, type: "PUSH", key: "cost-test" } });
  await db.admin.catalogEntity.createMany({
    data: components.map((c) => ({
      orgId,
      sourceId: source.id,
      ref: `component:default/${c.name}`,
      kind: "component",
      namespace: "default",
      name: c.name,
      owner: `group:default/${c.owner}`,
      system: c.system ? `system:default/${c.system}` : null,
      entity: { kind: "Component", metadata: { name: c.name } },
      hash: c.name,
      file: "catalog-info.yaml",
      document: 0,
    })),
  });
}

/** A temporary directory with the given files; `cleanup` removes it. */
export async function tempFiles(files: Record<string, string | Uint8Array>) {
  const dir = await mkdtemp(join(tmpdir(), "stagedoor-cost-test-"));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return { dir, path: (name: string) => join(dir, name), cleanup: () => rm(dir, { recursive: true, force: true }) };
}
