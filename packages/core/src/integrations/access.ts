import { AppError } from "../errors";
import { hasRole, type Actor } from "../roles";

/** Who may connect, change, sync or delete integrations (any provider). */
export function requireIntegrationAdmin(actor: Actor): void {
  if (!hasRole(actor.role, "ADMIN")) throw new AppError("FORBIDDEN", "Only admins can manage integrations.");
}
