import { redirect } from "next/navigation";

/** Cost Insights moved under the premium plugins; old links and bookmarks keep working. */
export default async function CostsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  // Encoded: a slug is a single path segment, never the start of another host's URL.
  redirect(`/${encodeURIComponent(orgSlug)}/plugins/cost-insights`);
}
