import { ORG_SLUG_HEADER } from "@stagedoor/api/client";

/** What the upload route answers (CostImportSummary as JSON). */
export type UploadSummary = {
  rowsRead: number;
  rowsRejected: number;
  rejected: Array<{ file: string; row: number; message: string }>;
  firstDay: string | null;
  lastDay: string | null;
};

/** Streams the file as the request body to the upload route of the integration. */
export async function uploadCostFile(integrationId: string, file: File): Promise<UploadSummary> {
  const orgSlug = window.location.pathname.split("/")[1] ?? "";
  const response = await fetch(
    `/api/costs/upload?integration=${encodeURIComponent(integrationId)}&name=${encodeURIComponent(file.name)}`,
    {
      method: "POST",
      headers: { [ORG_SLUG_HEADER]: orgSlug, "content-type": "application/octet-stream" },
      body: file,
    },
  );
  const body = (await response.json().catch(() => ({}))) as UploadSummary & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `The upload failed (${response.status}).`);
  return body;
}
