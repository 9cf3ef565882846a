import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import {
  auditBreakGlass,
  authorize,
  combineOrgContexts,
  isAppError,
  isBreakGlass,
  loadOrgContext,
  parsePluginPermission,
  resolveOrgAccess,
  sessionOrgContext,
  type Permission,
  type UserPrincipal,
} from "@stagedoor/core";
import type { Context } from "./context";
import { toTRPCError } from "./errors";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        // Field messages for forms: from the domain, or from input validation.
        fields: isAppError(cause)
          ? (cause.details ?? null)
          : cause instanceof ZodError
            ? Object.fromEntries(cause.issues.map((i) => [i.path.join("."), i.message]))
            : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error);
  return result;
});

export const publicProcedure = t.procedure.use(mapDomainErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  return next({ ctx: { user: ctx.user } });
});

/**
 * The tenancy chokepoint for procedures: the org is the one named by the page's URL slug,
 * and only if the user is a member; otherwise NOT_FOUND (never FORBIDDEN, so slugs of
 * other orgs cannot be probed). `ctx.tenant` is then a client bound to that org, and
 * `ctx.principal` the member with their current role. (`ctx.admin`, the cross-org client,
 * stays for the few services that need it; it never changes type under one name.)
 */
export const orgProcedure = authedProcedure.use(async ({ ctx, next }) => {
  if (!ctx.orgSlug) throw new TRPCError({ code: "NOT_FOUND", message: "Organization not found." });
  const access = await resolveOrgAccess(ctx.admin, ctx.orgSlug, ctx.user.userId);
  const principal: UserPrincipal = {
    type: "user",
    userId: ctx.user.userId,
    email: ctx.user.email,
    role: access.role,
  };
  // The org's SSO policy and session timeouts (docs/authorization.md, the seam): a timed-out
  // session is UNAUTHORIZED, a member without an SSO session where SSO is required FORBIDDEN.
  const session = ctx.user.session ?? null;
  const orgContext = sessionOrgContext(access.rules, session);
  authorize(principal, "org.read", orgContext);
  if (isBreakGlass(principal, access.rules, session)) await auditBreakGlass(ctx.admin, access.org.id, principal);
  return next({ ctx: { org: access.org, principal, orgContext, tenant: ctx.admin.forOrg(access.org.id) } });
});

/**
 * An org procedure that needs `permission`, decided by core's one authorization point
 * (FORBIDDEN otherwise). The service it calls checks again: it never assumes its caller did.
 */
export function requirePermission(permission: Permission) {
  // Only premium plugin permissions depend on the org's licenses: the others skip the read.
  const licensed = parsePluginPermission(permission) !== null;
  return orgProcedure.use(async ({ ctx, next }) => {
    const licenses = licensed ? await loadOrgContext(ctx.tenant, ctx.principal) : undefined;
    authorize(ctx.principal, permission, combineOrgContexts(ctx.orgContext, licenses));
    return next();
  });
}
