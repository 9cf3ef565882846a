import { router } from "./trpc";
import { orgRouter } from "./routers/org";
import { membersRouter } from "./routers/members";
import { invitationsRouter } from "./routers/invitations";
import { auditRouter } from "./routers/audit";
import { onboardingRouter } from "./routers/onboarding";

export const appRouter = router({
  org: orgRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  audit: auditRouter,
  onboarding: onboardingRouter,
});

export type AppRouter = typeof appRouter;
