import { Spinner } from "@/components/ui";

// Loading boundaries sit on member pages only, not on [orgSlug]: a page under a boundary
// starts streaming with status 200 before it runs, so an admin page's notFound() for a
// member would render "Page not found" with 200 instead of the 404 strangers get.
export default function Loading() {
  return <Spinner />;
}
