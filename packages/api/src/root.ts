import { router } from "./trpc";
import { orgRouter } from "./routers/org";
import { membersRouter } from "./routers/members";
import { invitationsRouter } from "./routers/invitations";
import { auditRouter } from "./routers/audit";

export const appRouter = router({
  org: orgRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
