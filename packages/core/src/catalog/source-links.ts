import type { CatalogSourceType, SourceLocation } from "./ingestion-types";

/**
 * Where an entity's descriptor lives, for people: a name to show ("acme/payments-api/
 * catalog-info.yaml") and the links behind "View source" and "Edit". Pure, so the rules are
 * tested without a database.
 */
export type EntityOrigin = {
  /** The file as people know it, never an internal source id. */
  display: string;
  viewUrl: string | null;
  editUrl: string | null;
  /** What Refresh can do with this source: re-read a repository, the GitHub teams, or nothing. */
  refresh: "repository" | "integration" | null;
};

export type OriginInput = {
  annotations: Record<string, string> | undefined;
  source: { type: CatalogSourceType; key: string; location: SourceLocation | null; integrationName: string | null };
  file: string;
};

const VIEW_URL = "backstage.io/view-url";
const EDIT_URL = "backstage.io/edit-url";
const MANAGED_BY = "backstage.io/managed-by-location";
const SOURCE_LOCATION = "backstage.io/source-location";

/** Only web links: an annotation is entity-supplied text, and javascript: must never become a link. */
export function webUrl(value: string | undefined | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Backstage location annotations read `url:https://...`; other location types have no web page. */
function locationUrl(value: string | undefined): string | null {
  if (!value) return null;
  const match = /^url:(.+)$/.exec(value.trim());
  return match ? webUrl(match[1]) : null;
}

type BlobParts = { repository: string; path: string; editUrl: string };

/** `https://host/owner/repo/blob/<ref>/<path>` (GitHub and GitHub Enterprise Server). */
export function parseBlobUrl(value: string): BlobParts | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const blob = parts.indexOf("blob");
  if (blob < 2 || parts.length < blob + 3) return null;
  const repository = `${parts[blob - 2]}/${parts[blob - 1]}`;
  const path = parts.slice(blob + 2).join("/");
  const edit = new URL(url.href);
  edit.pathname = url.pathname.replace(/\/blob\//, "/edit/");
  edit.hash = "";
  return { repository, path, editUrl: edit.href };
}

export function entityOrigin({ annotations = {}, source, file }: OriginInput): EntityOrigin {
  const fileUrl = webUrl(source.location?.files?.[file]);
  const viewAnnotation = webUrl(annotations[VIEW_URL]);
  const editAnnotation = webUrl(annotations[EDIT_URL]);
  const managedBy = locationUrl(annotations[MANAGED_BY]);
  const sourceLocation = locationUrl(annotations[SOURCE_LOCATION]);

  const viewUrl = viewAnnotation ?? fileUrl ?? managedBy ?? sourceLocation;
  const blob = [fileUrl, managedBy, viewAnnotation].map((u) => (u ? parseBlobUrl(u) : null)).find(Boolean) ?? null;
  const editUrl = editAnnotation ?? blob?.editUrl ?? null;

  return { display: displayOf(source, file, blob), viewUrl, editUrl, refresh: refreshOf(source) };
}

function displayOf(source: OriginInput["source"], file: string, blob: BlobParts | null): string {
  if (blob) return `${blob.repository}/${blob.path}`;
  const repository = source.location?.repository;
  if (source.type === "GITHUB") {
    if (repository) return file.startsWith(`${repository}/`) ? file : `${repository}/${file}`;
    return source.key.endsWith("/teams")
      ? `GitHub teams${source.integrationName ? ` (${source.integrationName})` : ""}`
      : `${file} (GitHub${source.integrationName ? `: ${source.integrationName}` : ""})`;
  }
  return `${file} (registered as "${source.key}")`;
}

function refreshOf(source: OriginInput["source"]): EntityOrigin["refresh"] {
  if (source.type !== "GITHUB") return null;
  return source.location?.repository && /\/repo\/\d+$/.test(source.key) ? "repository" : "integration";
}
