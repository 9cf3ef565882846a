import $RefParser from "@apidevtools/json-schema-ref-parser";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import type { PlaceholderReader } from "./reader";

export type BundleLimits = {
  /** Files a bundled definition may pull in through `$ref`. */
  maxBundleFiles: number;
  /** Bytes those files may add up to. */
  maxBundleBytes: number;
};

type Bundled<T> = { ok: true } & T;
type Failed = { ok: false; message: string };

/** An OpenAPI / Swagger document with at least one `$ref` to another file. */
function needsBundling(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const doc = value as Record<string, unknown>;
  if (!("openapi" in doc) && !("swagger" in doc)) return false;
  return hasExternalRef(doc, 0);
}

function hasExternalRef(value: unknown, depth: number): boolean {
  if (depth > 64 || !value || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((v) => hasExternalRef(v, depth + 1));
  for (const [k, v] of Object.entries(value)) {
    if (k === "$ref" && typeof v === "string" && !v.startsWith("#")) return true;
    if (hasExternalRef(v, depth + 1)) return true;
  }
  return false;
}

/**
 * Bundles a multi-file OpenAPI definition (`$ref: ./schemas/pet.yaml`) into one document at
 * ingest, so the Definition tab renders it without reading GitHub (a long-standing Backstage
 * complaint). Sibling files are read only through `read` (same host and credentials as the
 * catalog file; no file system, no other HTTP), bounded in file count and total size.
 * Anything that is not an OpenAPI document with external refs is returned unchanged.
 */
export async function bundleOpenApi(
  text: string,
  url: string,
  read: PlaceholderReader,
  limits: BundleLimits,
): Promise<Bundled<{ text: string }> | Failed>;
export async function bundleOpenApi(
  value: unknown,
  url: string,
  read: PlaceholderReader,
  limits: BundleLimits,
): Promise<Bundled<{ value: unknown }> | Failed>;
export async function bundleOpenApi(
  input: unknown,
  url: string,
  read: PlaceholderReader,
  limits: BundleLimits,
): Promise<Bundled<{ text: string } | { value: unknown }> | Failed> {
  const isText = typeof input === "string";
  let document: unknown = input;
  if (isText) {
    if (!/\$ref/.test(input)) return { ok: true, text: input };
    try {
      document = parseYaml(input);
    } catch {
      return { ok: true, text: input }; // not structured text: a proto, an SDL, a broken spec shown as is
    }
  }
  if (!needsBundling(document)) return isText ? { ok: true, text: input as string } : { ok: true, value: input };
  let files = 0;
  let bytes = 0;
  let bundled: unknown;
  try {
    bundled = await $RefParser.bundle(
      url,
      structuredClone(document) as never,
      {
        resolve: {
          file: false,
          http: false,
          external: true,
          stagedoor: {
            order: 1,
            canRead: true,
            async read(file: { url: string }) {
              files++;
              if (files > limits.maxBundleFiles) {
                throw new Error(`a definition may reference at most ${limits.maxBundleFiles} files`);
              }
              const [answer] = await read([file.url]);
              if (!answer || !answer.ok)
                throw new Error(`${file.url} could not be read: ${answer ? answer.message : "no answer"}`);
              bytes += Buffer.byteLength(answer.text);
              if (bytes > limits.maxBundleBytes) {
                throw new Error(
                  `the files a definition references may add up to at most ${limits.maxBundleBytes} bytes`,
                );
              }
              return answer.text;
            },
          },
        },
        dereference: { circular: true },
      } as never,
    );
  } catch (error) {
    return { ok: false, message: `its $ref files could not be bundled: ${(error as Error).message}` };
  }
  if (!isText) return { ok: true, value: bundled };
  const json = (input as string).trimStart().startsWith("{");
  return { ok: true, text: json ? JSON.stringify(bundled, null, 2) : stringifyYaml(bundled) };
}
