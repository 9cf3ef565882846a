import { describe, it, expect } from "vitest";
import { slugProblem, slugify, assertValidSlug } from "./slug";

describe("org slugs", () => {
  it.each(["acme", "a1b", "acme-corp", "x".repeat(40), "123"])("accepts %s", (slug) => {
    expect(slugProblem(slug)).toBeNull();
  });

  it.each([
    ["ab", /at least 3/],
    ["x".repeat(41), /at most 40/],
    ["Acme", /lowercase/],
    ["-acme", /starting and ending/],
    ["acme-", /starting and ending/],
    ["ac_me", /lowercase/],
    ["ac me", /lowercase/],
    ["acme--corp", /two hyphens/],
    ["api", /reserved/],
    ["admin", /reserved/],
    ["www", /reserved/],
    ["auth", /reserved/],
  ])("refuses %s", (slug, why) => {
    expect(slugProblem(slug)).toMatch(why);
  });

  it("throws a BAD_REQUEST AppError naming the field", () => {
    expect(() => assertValidSlug("no")).toThrowError(
      expect.objectContaining({ code: "BAD_REQUEST", details: { slug: expect.any(String) } }),
    );
  });

  it("suggests slugs from names", () => {
    expect(slugify("Acme Corp!")).toBe("acme-corp");
    expect(slugify("  Ünïcode  Team ")).toBe("unicode-team");
    expect(slugProblem(slugify("A".repeat(60)))).toBeNull();
  });
});
