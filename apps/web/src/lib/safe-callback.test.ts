import { describe, it, expect } from "vitest";
import { safeCallback } from "./safe-callback";

describe("safeCallback", () => {
  it("keeps paths on this site", () => {
    expect(safeCallback("/acme/members?x=1")).toBe("/acme/members?x=1");
  });

  it.each([undefined, null, "", "https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"])(
    "sends %s home instead",
    (url) => expect(safeCallback(url)).toBe("/"),
  );
});
