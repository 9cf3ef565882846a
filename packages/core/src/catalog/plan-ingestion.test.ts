import { describe, it, expect } from "vitest";
import { searchQuery } from "./entity-filter";
import { emptyParsed, parseFileInto, parseSourceFiles } from "./parse-files";
import { countOutcomes, planBatch, type ExistingEntity, type PlanContext } from "./plan-ingestion";
import { component, file } from "@stagedoor/catalog/testing";

const existing = (ref: string, over: Partial<ExistingEntity> = {}): ExistingEntity => ({
  id: `id-${ref}`,
  ref,
  sourceId: "src",
  sourceKey: "main",
  hash: "old",
  file: "a.yaml",
  document: 1,
  orphaned: false,
  hasErrors: false,
  facets: { kind: "component", namespace: "default", type: null, lifecycle: null, owner: null, system: null, tags: [] },
  ...over,
});

function plan(files: Array<{ name: string; content: string }>, rows: ExistingEntity[]) {
  const ctx: PlanContext = { sourceId: "src", existing: new Map(rows.map((r) => [r.ref, r])) };
  const parsed = parseSourceFiles(files);
  const batch = planBatch(parsed, ctx);
  return { parsed, batch, counts: countOutcomes(parsed.files, 0) };
}

describe("planning an ingestion", () => {
  // Orphaning (what the source no longer emits) is decided in the database after the last
  // batch: see ingestion.integration.test.ts.
  it("creates new refs, skips unchanged hashes and updates changed ones", () => {
    const parsed = parseSourceFiles([file("a.yaml", component("same"))]);
    const hash = parsed.valid[0]!.entity.hash;
    const { batch, counts } = plan(
      [file("a.yaml", component("same"), component("changed"), component("brand-new"))],
      [existing("component:default/same", { hash }), existing("component:default/changed", { document: 2 })],
    );
    expect(batch.writes.map((w) => [w.doc.entity.ref, w.contentChanged])).toEqual([
      ["component:default/changed", true],
      ["component:default/brand-new", true],
    ]);
    expect(counts).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
  });

  it("records a live entity of another source as a conflict, and takes over an orphan", () => {
    const { batch, parsed } = plan(
      [file("a.yaml", component("theirs"), component("abandoned"))],
      [
        existing("component:default/theirs", { sourceId: "other", sourceKey: "ci" }),
        existing("component:default/abandoned", { sourceId: "other", sourceKey: "ci", orphaned: true }),
      ],
    );
    expect(batch.conflicts.map((c) => [c.ref, c.existingSourceId])).toEqual([["component:default/theirs", "other"]]);
    expect(parsed.files[0]!.documents.map((d) => d.status)).toEqual(["conflict", "updated"]);
    expect(batch.writes.map((w) => w.doc.entity.ref)).toEqual(["component:default/abandoned"]);
  });

  it("records a file that cannot be read as rejected, with its errors", () => {
    const { parsed, counts } = plan([{ name: "a.yaml", content: "kind: [broken\n" }], []);
    expect([...parsed.rejectedFiles]).toMatchObject([["a.yaml", [{ code: "yaml-syntax" }]]]);
    expect(counts.invalid).toBe(1);
  });

  it("reports a second definition of a ref in the same import as a duplicate", () => {
    const parsed = emptyParsed();
    const seen = new Map<string, string>();
    parseFileInto(file("a.yaml", component("x")), seen, parsed);
    parseFileInto(file("b.yaml", component("x")), seen, parsed);
    expect(parsed.files[1]!.documents[0]).toMatchObject({
      status: "duplicate",
      message: expect.stringContaining("a.yaml doc 1"),
    });
    expect(parsed.valid).toHaveLength(1);
  });
});

describe("search words", () => {
  it("turns what people type into a safe prefix query", () => {
    expect(searchQuery("Orders  serv")).toBe("orders:* & serv:*");
    expect(searchQuery("a'b & c|d:*")).toBe("a:* & b:* & c:* & d:*");
    expect(searchQuery("  !? ")).toBeNull();
    expect(searchQuery("über café")).toBe("über:* & café:*");
  });
});
