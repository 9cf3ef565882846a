import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { hasRole, isAppError, resolveOrgAccess, type Actor } from "@stagedoor/core";
import type { Role } from "@stagedoor/db";
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
 * other orgs cannot be probed). `ctx.db` is then a client bound to that org.
 */
export const orgProcedure = authedProcedure.use(async ({ ctx, next }) => {
  if (!ctx.orgSlug) throw new TRPCError({ code: "NOT_FOUND", message: "Organization not found." });
  const access = await resolveOrgAccess(ctx.db, ctx.orgSlug, ctx.user.userId);
  const actor: Actor = { userId: ctx.user.userId, email: ctx.user.email, role: access.role };
  return next({ ctx: { org: access.org, actor, db: ctx.db.forOrg(access.org.id) } });
});

export function requireRole(role: Role) {
  return orgProcedure.use(({ ctx, next }) => {
    if (!hasRole(ctx.actor.role, role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${role.toLowerCase()} role.` });
    }
    return next();
  });
}

export const adminProcedure = requireRole("ADMIN");
