import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterEach, describe, expect, it } from "vitest";
import { testDatabase } from "@stagedoor/db/testing";
import { adminOf, testDeps } from "../../testing";
import { makeComponents, tempFiles } from "./cost-testing";
import { focusCsv, type FocusRow } from "./focus-fixture";
import { runCostStep } from "./run-step";
import { saveCostIntegration } from "./save-cost";
import { testCostExport } from "./test-cost";

const db = testDatabase();
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const rows = (cents: number, day = "2026-10-01"): FocusRow[] => [
  { billedCents: cents, currency: "USD", day, service: "EC2", tags: { "backstage.io/component": "checkout" } },
  { billedCents: 250, currency: "USD", day, service: "S3" },
];

async function startS3(objects: Record<string, string | Uint8Array>) {
  const dir = await tempFiles({});
  cleanups.push(dir.cleanup);
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: dir.dir,
    configureBuckets: [{ name: "billing" }],
  });
  const address = await server.run();
  cleanups.push(() => server.close());
  const endpoint = `http://127.0.0.1:${address.port}`;
  const client = new S3Client({
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  for (const [key, body] of Object.entries(objects))
    await client.send(new PutObjectCommand({ Bucket: "billing", Key: key, Body: body }));
  client.destroy();
  return endpoint;
}

async function serve(body: Uint8Array, status = 200): Promise<string> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(status, { "content-type": "application/gzip" });
    res.end(status === 200 ? body : "no");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  cleanups.push(() => new Promise((r) => server.close(r)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function connectedOrg() {
  const admin = await adminOf(db);
  await makeComponents(db, admin.org.id, [{ name: "checkout", owner: "payments" }]);
  return admin;
}

async function syncOnce(tdb: ReturnType<typeof db.forOrg>, orgId: string, integrationId: string, syncRunId: string) {
  return runCostStep(tdb, testDeps(), { orgId, integrationId, syncRunId, step: 0 });
}

describe("cost export sync", () => {
  it("imports every export file under an S3 prefix (split files of one period add up)", async () => {
    const endpoint = await startS3({
      "focus/2026-10/part-0.csv.gz": gzipSync(focusCsv(rows(1000))),
      "focus/2026-10/part-1.csv": focusCsv(rows(1)).concat(
        "oops,1,USD,2026-10-01T00:00:00Z,2026-10-01T01:00:00Z,EC2,,\n",
      ),
      "focus/2026-10/manifest.json": "{}",
      "elsewhere/part-0.csv": focusCsv(rows(99999)),
    });
    const { org, actor, tdb } = await connectedOrg();
    const source = {
      type: "s3" as const,
      endpoint,
      region: "us-east-1",
      bucket: "billing",
      prefix: "focus/",
      forcePathStyle: true,
    };
    const credentials = { type: "s3" as const, accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

    const tested = await testCostExport(tdb, actor, testDeps(), { source, credentials });
    expect(tested).toEqual({
      ok: true,
      files: ["focus/2026-10/part-0.csv.gz", "focus/2026-10/part-1.csv"],
      rows: 5,
      rowsRejected: 1,
      currencies: ["USD"],
      firstDay: "2026-10-01",
      lastDay: "2026-10-01",
    });

    const saved = await saveCostIntegration(tdb, actor, testDeps(), { name: "AWS", source, credentials });
    expect(await syncOnce(tdb, org.id, saved.id, saved.syncRunId!)).toEqual({ kind: "done" });
    const run = await tdb.syncRun.findUniqueOrThrow({ where: { id: saved.syncRunId! } });
    expect(run.status).toBe("succeeded");
    expect(run.message).toBe("Imported 4 of 5 rows for 2026-10-01 to 2026-10-01; 1 rows refused.");
    expect((run.errors as Array<{ message: string }>).map((e) => e.message)).toEqual([
      'focus/2026-10/part-1.csv, row 3: BilledCost "oops" is not a number',
    ]);
    const byEntity = await tdb.costDaily.groupBy({ by: ["entityRef", "team"], _sum: { billedCost: true } });
    expect(byEntity.map((r) => [r.entityRef, r.team, r._sum.billedCost?.toFixed(2)]).sort()).toEqual([
      ["", "", "5.00"],
      ["component:default/checkout", "group:default/payments", "10.01"],
    ]);
    // The secret key is sealed, never in the config.
    const row = await tdb.integration.findUniqueOrThrow({ where: { id: saved.id } });
    expect(JSON.stringify(row.config)).not.toContain("S3RVER");
  });

  it("says which key is refused by the bucket", async () => {
    const endpoint = await startS3({ "focus/a.csv": focusCsv(rows(1)) });
    const { actor, tdb } = await connectedOrg();
    const result = await testCostExport(tdb, actor, testDeps(), {
      source: { type: "s3", endpoint, region: "us-east-1", bucket: "billing", prefix: "focus/", forcePathStyle: true },
      credentials: { type: "s3", accessKeyId: "WRONG", secretAccessKey: "WRONG" },
    });
    expect(result).toEqual({
      ok: false,
      problem:
        "Access denied to s3://billing/focus/ (InvalidAccessKeyId): check the key pair and its s3:ListBucket and s3:GetObject permissions.",
    });
  });

  it("downloads an export URL, and re-imports the same period without double counting", async () => {
    const url = await serve(gzipSync(focusCsv(rows(1000))));
    const { org, actor, tdb } = await connectedOrg();
    const input = {
      name: "GCP",
      source: { type: "url" as const, url: `${url}/export.csv.gz` },
      credentials: { type: "url" as const, authorization: null },
    };
    const first = await saveCostIntegration(tdb, actor, testDeps(), input);
    await syncOnce(tdb, org.id, first.id, first.syncRunId!);
    const again = await saveCostIntegration(tdb, actor, testDeps(), {
      ...input,
      id: first.id,
      credentials: { type: "saved" },
    });
    expect(await syncOnce(tdb, org.id, first.id, again.syncRunId!)).toEqual({ kind: "done" });
    const total = await tdb.costDaily.aggregate({ _sum: { billedCost: true } });
    expect(total._sum.billedCost?.toFixed(2)).toBe("12.50");
  });

  it("refuses export URLs and bucket endpoints on private networks unless the operator allows them", async () => {
    const url = await serve(gzipSync(focusCsv(rows(1))));
    const { actor, tdb } = await connectedOrg();
    const guarded = testDeps({ allowPrivateNetworks: false });
    await expect(
      saveCostIntegration(tdb, actor, guarded, {
        name: "x",
        source: { type: "url", url: `${url}/e.csv` },
        credentials: { type: "url", authorization: null },
      }),
    ).rejects.toThrow(/127\.0\.0\.1.*not a public address|not a public address/);
    const tested = await testCostExport(tdb, actor, guarded, {
      source: { type: "s3", endpoint: url, region: "us-east-1", bucket: "billing", prefix: "", forcePathStyle: true },
      credentials: { type: "s3", accessKeyId: "a", secretAccessKey: "b" },
    });
    expect(tested.ok).toBe(false);
  });

  it("fails the run with the server's answer when the export URL is refused", async () => {
    const url = await serve(new Uint8Array(), 403);
    const { org, actor, tdb } = await connectedOrg();
    const saved = await saveCostIntegration(tdb, actor, testDeps(), {
      name: "Azure",
      source: { type: "url", url: `${url}/e.csv` },
      credentials: { type: "url", authorization: "Bearer nope" },
    });
    expect(await syncOnce(tdb, org.id, saved.id, saved.syncRunId!)).toEqual({
      kind: "failed",
      message: "The export URL answered 403 (check the authorization header).",
    });
  });
});
