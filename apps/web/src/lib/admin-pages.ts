// Org pages that call loadAdminPage (apps/web/src/server/org-page.ts), relative to /{orgSlug}.
// The org's not-found page uses this list to tell a member that a page is for admins.
export const ADMIN_ONLY_PAGES = [
  "/integrations",
  "/audit",
  "/settings",
  "/settings/sso",
  "/onboarding",
  "/catalog/register",
  "/billing",
] as const;

/** Whether `pathname` (/{orgSlug}/...) is one of the admin-only pages or below one. */
export function isAdminOnlyPage(pathname: string): boolean {
  const rest = pathname.replace(/^\/[^/]+/, "");
  return ADMIN_ONLY_PAGES.some((p) => rest === p || rest.startsWith(`${p}/`));
}
