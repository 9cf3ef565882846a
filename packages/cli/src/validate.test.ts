import { describe, it, expect } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { main } from "./main";

function capture() {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = "";
  let e = "";
  out.on("data", (d) => (o += d));
  err.on("data", (d) => (e += d));
  return { io: { out, err }, text: () => ({ out: o, err: e }) };
}

const dir = mkdtempSync(path.join(tmpdir(), "stagedoor-cli-"));
const file = (name: string, content: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

const good = file(
  "good.yaml",
  `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
spec:
  type: service
  lifecycle: production
  owner: team-a
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
`,
);
const bad = file(
  "bad.yaml",
  `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
spec:
  type: service
  lifecycle: production
  owner: team-a
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: "my service"
spec:
  type: service
  owner: team-a
`,
);

describe("stagedoor catalog validate", () => {
  it("exits 0 for valid files and says how many documents it checked", async () => {
    const c = capture();
    expect(await main(["catalog", "validate", good], c.io)).toBe(0);
    expect(c.text().out).toMatch(/2 documents in 1 file: all valid/);
  });

  it("exits 1 and prints file, document, line and rule for each problem", async () => {
    const c = capture();
    expect(await main(["catalog", "validate", good, bad], c.io)).toBe(1);
    const out = c.text().out;
    expect(out).toContain("bad.yaml doc 2 line 13");
    expect(out).toMatch(/metadata\.name/);
    expect(out).toMatch(/spec\.lifecycle/);
    expect(out).not.toContain("good.yaml");
  });

  it("--json prints one result per document with its errors", async () => {
    const c = capture();
    expect(await main(["catalog", "validate", "--json", good, bad], c.io)).toBe(1);
    const results = JSON.parse(c.text().out) as Array<{
      file: string;
      document: number;
      valid: boolean;
      ref: string | null;
      errors: unknown[];
    }>;
    expect(results.map((r) => [path.basename(r.file), r.document, r.valid])).toEqual([
      ["good.yaml", 1, true],
      ["good.yaml", 2, true],
      ["bad.yaml", 1, true],
      ["bad.yaml", 2, false],
    ]);
    expect(results[0]!.ref).toBe("component:default/payments");
    expect(results[3]!.errors).toEqual([
      expect.objectContaining({ line: 13, path: "metadata.name", code: "invalid-format" }),
      expect.objectContaining({ line: 14, path: "spec.lifecycle", code: "required" }),
    ]);
  });

  it("reports unreadable files and malformed YAML instead of crashing", async () => {
    const c = capture();
    const broken = file("broken.yaml", "kind: Component\nmetadata: {name: x\n");
    expect(await main(["catalog", "validate", "--json", path.join(dir, "missing.yaml"), broken], c.io)).toBe(1);
    const results = JSON.parse(c.text().out) as Array<{
      file: string;
      valid: boolean;
      errors: Array<{ message: string }>;
    }>;
    expect(results[0]!.errors[0]!.message).toMatch(/no such file/);
    expect(results.filter((r) => r.file === broken)).toEqual([
      expect.objectContaining({
        valid: false,
        errors: [expect.objectContaining({ line: 3, code: "yaml-syntax" })],
      }),
    ]);
  });

  it("exits 2 with usage on a wrong command line", async () => {
    const c = capture();
    expect(await main(["catalog", "validate"], c.io)).toBe(2);
    expect(await main(["nope"], c.io)).toBe(2);
    expect(c.text().err).toMatch(/Usage:/);
  });
});

describe("stagedoor catalog push", () => {
  it("refuses to send invalid files and needs url and token", async () => {
    const c = capture();
    expect(await main(["catalog", "push", good, "--token", "t"], c.io)).toBe(2);
    expect(await main(["catalog", "push", good, "--url", "http://127.0.0.1:9"], c.io)).toBe(2);
    expect(await main(["catalog", "push", bad, "--url", "http://127.0.0.1:9", "--token", "t"], c.io)).toBe(1);
    expect(c.text().err).toMatch(/Not pushed: 1 invalid document/);
  });

  it("says clearly when the portal cannot be reached", async () => {
    const c = capture();
    expect(await main(["catalog", "push", good, "--url", "http://127.0.0.1:9", "--token", "t"], c.io)).toBe(1);
    expect(c.text().err).toMatch(/Could not reach http:\/\/127\.0\.0\.1:9/);
  });
});
