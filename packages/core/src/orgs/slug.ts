// Browser-safe (exported as @stagedoor/core/slug): imports nothing but AppError and limits.
import { AppError } from "../errors";
import { MAX_ORG_SLUG_LENGTH } from "../limits";

// Names that collide with routes, subdomains or things people would mistake for us.
export const RESERVED_SLUGS = new Set([
  "api",
  "admin",
  "www",
  "app",
  "auth",
  "login",
  "logout",
  "signin",
  "signout",
  "sign-in",
  "sign-up",
  "signup",
  "register",
  "invite",
  "invites",
  "invitation",
  "invitations",
  "new",
  "onboarding",
  "settings",
  "account",
  "billing",
  "docs",
  "help",
  "support",
  "status",
  "health",
  "static",
  "assets",
  "public",
  "_next",
  "mail",
  "email",
  "root",
  "system",
  "stagedoor",
  "dashboard",
  "orgs",
  "org",
  "null",
  "undefined",
  "test",
]);

const SLUG_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Returns the problem with a slug in words a person can act on, or null when it is fine. */
export function slugProblem(slug: string): string | null {
  if (slug.length < 3) return "Use at least 3 characters.";
  if (slug.length > MAX_ORG_SLUG_LENGTH) return `Use at most ${MAX_ORG_SLUG_LENGTH} characters.`;
  if (!SLUG_PATTERN.test(slug)) {
    return "Use lowercase letters, digits and hyphens, starting and ending with a letter or digit.";
  }
  if (slug.includes("--")) return "Don't use two hyphens in a row.";
  if (RESERVED_SLUGS.has(slug)) return `"${slug}" is reserved. Choose another.`;
  return null;
}

export function assertValidSlug(slug: string): void {
  const problem = slugProblem(slug);
  if (problem) throw new AppError("BAD_REQUEST", `Invalid org URL: ${problem}`, { slug: problem });
}

/** A suggestion for the create-org form: "Acme Corp!" → "acme-corp". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_ORG_SLUG_LENGTH)
    .replace(/-+$/g, "");
}
