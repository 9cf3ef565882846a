import type { Database } from "@stagedoor/db";
import { slugProblem } from "./slug";

/**
 * Live feedback for the create-org form; createOrg checks again, atomically. Slugs are
 * global (they name orgs in URLs), so this reads across orgs on the admin client.
 */
export async function slugAvailability(
  db: Database,
  slug: string,
): Promise<{ available: boolean; problem: string | null }> {
  const problem = slugProblem(slug);
  if (problem) return { available: false, problem };
  const taken = await db.admin.organization.findUnique({ where: { slug }, select: { id: true } });
  return taken ? { available: false, problem: "Already taken." } : { available: true, problem: null };
}
