/**
 * Where to go after signing in: only a path on this site. "//evil.example" and absolute
 * URLs would turn the sign-in forms into an open redirect.
 */
export function safeCallback(url: string | undefined | null): string {
  return url && url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? url : "/";
}
