import type { OrgContext } from "./authorize";

/**
 * Both org-level answers for one call: the SSO/session policy of a session caller and,
 * for premium plugin permissions, the org's licenses. Every policy can refuse; none grants.
 */
export function combineOrgContexts(...contexts: Array<OrgContext | undefined>): OrgContext {
  return { policies: contexts.flatMap((c) => c?.policies ?? []) };
}
