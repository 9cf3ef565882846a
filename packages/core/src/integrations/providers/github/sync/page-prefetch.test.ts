import { describe, expect, it } from "vitest";
import type { DiscoveryPage } from "@stagedoor/connectors";
import { createPagePrefetch } from "./page-prefetch";

const page = (cursor: string): DiscoveryPage => ({
  repositories: [],
  cursor,
  hasNextPage: true,
  totalCount: 0,
  problems: [],
});

describe("discovery page prefetch", () => {
  it("hands a page to the one step that asks for its key, once", async () => {
    const prefetch = createPagePrefetch();
    prefetch.put("a", Promise.resolve(page("c1")));
    expect(prefetch.take("b")).toBeUndefined();
    expect(await prefetch.take("a")).toEqual(page("c1"));
    expect(prefetch.take("a")).toBeUndefined();
  });

  it("drops pages nobody took within a minute", () => {
    let now = 0;
    const prefetch = createPagePrefetch(() => now);
    prefetch.put("a", Promise.resolve(page("c1")));
    now = 60_001;
    expect(prefetch.take("a")).toBeUndefined();
  });

  it("passes a failed request on to the step that takes it, and leaves an untaken one quiet", async () => {
    const prefetch = createPagePrefetch();
    prefetch.put("taken", Promise.reject(new Error("rate limited")));
    prefetch.put("left", Promise.reject(new Error("nobody asked")));
    await expect(prefetch.take("taken")).rejects.toThrow("rate limited");
  });
});
