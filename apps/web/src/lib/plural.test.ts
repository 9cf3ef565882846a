import { describe, expect, it } from "vitest";
import { plural } from "./plural";

describe("plural", () => {
  it("uses the singular only for exactly one", () => {
    expect(plural(0, "file")).toBe("0 files");
    expect(plural(1, "file")).toBe("1 file");
    expect(plural(2, "entity", "entities")).toBe("2 entities");
    expect(plural(1, "repository", "repositories")).toBe("1 repository");
    expect(plural(2000, "request")).toBe("2,000 requests");
  });
});
