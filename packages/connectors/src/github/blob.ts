import { formatBytes, type FileContent, type FileProblem } from "./fetch-file";

/** A file as read through GraphQL: FileContent without the cache flag, or the problem with it. */
export type DiscoveredFile = Omit<FileContent, "fromCache"> | FileProblem;

/** Blob fields every GraphQL file lookup asks for; text is null for binaries, cut short for big files. */
export const BLOB_FRAGMENT = `fragment StagedoorBlob on GitObject {
  __typename
  oid
  ... on Blob { text byteSize isTruncated isBinary }
}`;

export type RawGitObject = {
  __typename?: string;
  oid?: string;
  text?: string | null;
  byteSize?: number;
  isTruncated?: boolean;
  isBinary?: boolean | null;
} | null;

/**
 * Judges what `object(expression:)` returned for a path: nothing (null), a usable text file,
 * or a per-file problem. "truncated" means GraphQL cut the text and REST has to re-read it.
 */
export function blobToFile(path: string, url: string, object: RawGitObject, maxBytes: number): DiscoveredFile | null {
  if (!object) return null;
  const error = (reason: FileProblem["reason"], message: string): DiscoveredFile => ({
    status: "error",
    path,
    url,
    reason,
    message,
    byteSize: object.byteSize,
  });
  if (object.__typename && object.__typename !== "Blob") {
    const what =
      object.__typename === "Tree"
        ? "a directory"
        : object.__typename === "Commit"
          ? "a submodule"
          : `a ${object.__typename}`;
    return error("not-a-file", `${path} is ${what}, not a file.`);
  }
  const size = object.byteSize ?? 0;
  if (object.isBinary) return error("binary", `${path} is a binary file, not YAML text.`);
  if (size > maxBytes)
    return error("too-large", `${path} is ${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}.`);
  if (object.isTruncated || typeof object.text !== "string")
    return error("truncated", `${path} was too large to read in one query.`);
  return { status: "ok", path, url, text: object.text.replace(/^\uFEFF/, ""), byteSize: size, sha: object.oid ?? "" };
}

export function forbiddenFile(path: string, url: string): FileProblem {
  return {
    status: "error",
    path,
    url,
    reason: "forbidden",
    message: `Reading ${path} needs the contents:read permission.`,
  };
}
