import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import {
  checkOutboundUrl,
  CostExportError,
  downloadExport,
  downloadObject,
  listExportObjects,
  openS3,
} from "@stagedoor/connectors";
import { AppError } from "../../../errors";
import { MAX_COST_DOWNLOAD_BYTES, MAX_COST_FILES } from "../../../limits";
import { formatOf } from "./focus-columns";
import type { FocusFile } from "./focus-reader";
import type { CostCredentials, CostSource } from "./settings";

export type FetchedExport = { files: FocusFile[]; cleanup(): Promise<void> };

/** A customer-supplied URL checked before use (the connection itself is guarded again). */
export async function checkCostUrl(url: string, allowPrivateNetworks: boolean) {
  const verdict = await checkOutboundUrl(url, { allowPrivateNetworks });
  if (!verdict.ok) throw new AppError("BAD_REQUEST", verdict.reason);
}

/**
 * Downloads the export's files to a private temporary directory (streamed, size-limited),
 * for DuckDB to read. `cleanup` removes them; the caller calls it whatever happens.
 */
export async function fetchExport(
  source: CostSource,
  credentials: CostCredentials,
  options: { allowPrivateNetworks: boolean; maxBytes?: number },
): Promise<FetchedExport> {
  const dir = await mkdtemp(join(tmpdir(), "stagedoor-cost-"));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const maxBytes = options.maxBytes ?? MAX_COST_DOWNLOAD_BYTES;
  try {
    if (source.type === "url") {
      await checkCostUrl(source.url, options.allowPrivateNetworks);
      const name = basename(new URL(source.url).pathname) || "export.csv";
      const path = join(dir, `0-${name.replace(/[^\w.-]/g, "_")}`);
      await downloadExport(source.url, path, {
        allowPrivateNetworks: options.allowPrivateNetworks,
        maxBytes,
        authorization: credentials.type === "url" ? credentials.authorization : null,
      });
      return { files: [{ path, name, format: formatOf(name) }], cleanup };
    }
    if (source.type === "s3") {
      if (credentials.type !== "s3") throw new AppError("BAD_REQUEST", "The bucket's access key is missing.");
      if (source.endpoint) await checkCostUrl(source.endpoint, options.allowPrivateNetworks);
      const client = await openS3(source, credentials, options.allowPrivateNetworks);
      try {
        const objects = await listExportObjects(client, source, MAX_COST_FILES);
        if (objects.length === 0) {
          throw new AppError(
            "BAD_REQUEST",
            `No .csv, .csv.gz or .parquet files under s3://${source.bucket}/${source.prefix}.`,
          );
        }
        const files: FocusFile[] = [];
        for (const [i, o] of objects.entries()) {
          const path = join(dir, `${i}-${basename(o.key).replace(/[^\w.-]/g, "_")}`);
          await downloadObject(client, source, o.key, path, maxBytes);
          files.push({ path, name: o.key, format: formatOf(o.key) });
        }
        return { files, cleanup };
      } finally {
        client.destroy();
      }
    }
    throw new AppError(
      "BAD_REQUEST",
      "An uploaded export has nothing to fetch: upload the file again to re-import it.",
    );
  } catch (error) {
    await cleanup();
    if (error instanceof CostExportError) throw new AppError("BAD_REQUEST", error.message);
    throw error;
  }
}
