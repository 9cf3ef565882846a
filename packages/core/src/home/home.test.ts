import { describe, it, expect } from "vitest";
import { sortByCi, type HomeComponent } from "./home";

const item = (name: string, ci: HomeComponent["ci"]): HomeComponent =>
  ({ name, ref: `component:default/${name}`, ci }) as HomeComponent;
const run = (status: string, conclusion: string | null) => ({ status, conclusion, url: "https://example.test" });

describe("ordering my components by CI", () => {
  it("puts failures first, then runs in progress, then the rest, then those without CI, by name within each", () => {
    const sorted = sortByCi([
      item("a-none", null),
      item("b-ok", run("completed", "success")),
      item("c-running", run("in_progress", null)),
      item("d-failed", run("completed", "failure")),
      item("a-timed-out", run("completed", "timed_out")),
    ]);
    expect(sorted.map((c) => c.name)).toEqual(["a-timed-out", "d-failed", "c-running", "b-ok", "a-none"]);
  });
});
