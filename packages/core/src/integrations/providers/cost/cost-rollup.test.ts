import { describe, expect, it } from "vitest";
import { rollupRanges } from "./cost-rollup";

describe("rollupRanges", () => {
  it("covers a period with its whole weeks (Monday to Sunday) and the days around them, each day once", () => {
    // 2026-10-01 is a Thursday; 2026-10-30 a Friday.
    expect(rollupRanges("2026-10-01", "2026-10-30")).toEqual([
      { span: "day", from: "2026-10-01", to: "2026-10-04" },
      { span: "week", from: "2026-10-05", to: "2026-10-19" },
      { span: "day", from: "2026-10-26", to: "2026-10-30" },
    ]);
  });

  it("needs no day rows for a period of whole weeks", () => {
    expect(rollupRanges("2026-10-05", "2026-10-18")).toEqual([{ span: "week", from: "2026-10-05", to: "2026-10-12" }]);
  });

  it("uses day rows only when no whole week fits", () => {
    expect(rollupRanges("2026-10-06", "2026-10-12")).toEqual([{ span: "day", from: "2026-10-06", to: "2026-10-12" }]);
    expect(rollupRanges("2026-10-05", "2026-10-05")).toEqual([{ span: "day", from: "2026-10-05", to: "2026-10-05" }]);
  });
});
