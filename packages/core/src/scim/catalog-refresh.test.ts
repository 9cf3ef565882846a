import { describe, expect, it } from "vitest";
import { requestScimCatalogRefresh, type ScimCatalogQueue } from "./catalog-refresh";

function recording() {
  const jobs = new Map<string, { name: string; data: unknown; delayMs?: number }>();
  const queue: ScimCatalogQueue = {
    async enqueue(name, data, opts) {
      // BullMQ ignores an add whose job id exists: the first one stands.
      if (!jobs.has(opts.jobId)) jobs.set(opts.jobId, { name, data, delayMs: opts.delayMs });
    },
  };
  return { queue, jobs };
}

describe("requestScimCatalogRefresh", () => {
  it("coalesces one org's writes within a window into one job that runs when the window ends", async () => {
    const { queue, jobs } = recording();
    for (const now of [10_000, 10_001, 12_500, 14_999]) await requestScimCatalogRefresh(queue, "org-a", now, 5_000);
    expect([...jobs]).toEqual([
      ["scim-catalog.org-a.10000", { name: "scim.refreshCatalog", data: { orgId: "org-a" }, delayMs: 5_000 }],
    ]);
  });

  it("starts a new job in the next window, and keeps orgs apart", async () => {
    const { queue, jobs } = recording();
    await requestScimCatalogRefresh(queue, "org-a", 14_999, 5_000);
    await requestScimCatalogRefresh(queue, "org-a", 15_000, 5_000);
    await requestScimCatalogRefresh(queue, "org-b", 14_999, 5_000);
    expect([...jobs.keys()]).toEqual([
      "scim-catalog.org-a.10000",
      "scim-catalog.org-a.15000",
      "scim-catalog.org-b.10000",
    ]);
    expect(jobs.get("scim-catalog.org-a.10000")!.delayMs).toBe(1);
  });
});
