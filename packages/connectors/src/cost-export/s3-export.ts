import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { S3Client } from "@aws-sdk/client-s3";
import { createGuardedAgents } from "../net/guarded-agents";
import { findNonPublicAddressError } from "../net/guarded-fetch";
import { byteLimit, CostExportError } from "./download-export";

export type S3ExportLocation = {
  /** An S3-compatible endpoint (MinIO, R2, ...); null for AWS itself. */
  endpoint: string | null;
  region: string;
  bucket: string;
  prefix: string;
  forcePathStyle: boolean;
};
export type S3ExportCredentials = { accessKeyId: string; secretAccessKey: string };
export type S3ExportObject = { key: string; size: number };

/** FOCUS export files under a prefix: CSV (optionally gzip) and Parquet. */
export const isExportKey = (key: string) => /\.(csv|csv\.gz|parquet)$/i.test(key);

type S3Sdk = typeof import("./s3-sdk");

// The AWS SDK costs a process tens of MB resident: loaded when an S3 export is first read,
// not by every process that imports the connectors.
let sdk: S3Sdk | null = null;
const loadSdk = async () => (sdk ??= await import("./s3-sdk"));

/** An S3 client whose every connection goes through the connect-time address check. */
export async function openS3(
  location: S3ExportLocation,
  credentials: S3ExportCredentials,
  allowPrivateNetworks: boolean,
): Promise<S3Client> {
  const { S3Client, NodeHttpHandler } = await loadSdk();
  const agents = createGuardedAgents({ allowPrivateNetworks });
  return new S3Client({
    region: location.region,
    ...(location.endpoint ? { endpoint: location.endpoint } : {}),
    forcePathStyle: location.forcePathStyle,
    credentials,
    maxAttempts: 2,
    requestHandler: new NodeHttpHandler({ ...agents, connectionTimeout: 10_000, requestTimeout: 120_000 }),
  });
}

/** The SDK's failure as a sentence a customer can act on. */
export function s3Problem(error: unknown, location: S3ExportLocation): CostExportError {
  const refused = findNonPublicAddressError(error);
  if (refused) return new CostExportError(refused.message);
  // Only the SDK throws its exceptions: before it is loaded, nothing is one.
  if (sdk && error instanceof sdk.S3ServiceException) {
    const status = error.$metadata.httpStatusCode;
    if (error.name === "NoSuchBucket") return new CostExportError(`Bucket ${location.bucket} does not exist.`);
    if (
      status === 403 ||
      error.name === "AccessDenied" ||
      error.name === "InvalidAccessKeyId" ||
      error.name === "SignatureDoesNotMatch"
    ) {
      return new CostExportError(
        `Access denied to s3://${location.bucket}/${location.prefix} (${error.name}): check the key pair and its s3:ListBucket and s3:GetObject permissions.`,
      );
    }
    return new CostExportError(`S3 answered ${status ?? "an error"}: ${error.name}.`);
  }
  return new CostExportError(`Could not reach the bucket: ${(error as Error).message}`);
}

/** Export files under the prefix (at most `max`, oldest key order as S3 lists them). */
export async function listExportObjects(
  client: S3Client,
  location: S3ExportLocation,
  max: number,
): Promise<S3ExportObject[]> {
  const found: S3ExportObject[] = [];
  let token: string | undefined;
  try {
    do {
      const { ListObjectsV2Command } = await loadSdk();
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: location.bucket, Prefix: location.prefix, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) {
        if (o.Key && isExportKey(o.Key)) found.push({ key: o.Key, size: o.Size ?? 0 });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token && found.length < max);
  } catch (error) {
    throw s3Problem(error, location);
  }
  return found.slice(0, max);
}

/** Streams one object to a local file. */
export async function downloadObject(
  client: S3Client,
  location: S3ExportLocation,
  key: string,
  dest: string,
  maxBytes: number,
) {
  try {
    const { GetObjectCommand } = await loadSdk();
    const object = await client.send(new GetObjectCommand({ Bucket: location.bucket, Key: key }));
    await pipeline(object.Body as Readable, byteLimit(maxBytes, key), createWriteStream(dest));
  } catch (error) {
    if (error instanceof CostExportError) throw error;
    throw s3Problem(error, location);
  }
}
