import { router } from "./trpc";
import { orgRouter } from "./routers/org";
import { membersRouter } from "./routers/members";
import { invitationsRouter } from "./routers/invitations";
import { auditRouter } from "./routers/audit";
import { onboardingRouter } from "./routers/onboarding";
import { catalogRouter } from "./routers/catalog";
import { tokensRouter } from "./routers/tokens";
import { integrationsRouter } from "./routers/integrations";
import { cicdRouter } from "./routers/cicd";
import { homeRouter } from "./routers/home";
import { scimRouter } from "./routers/scim";
import { billingRouter } from "./routers/billing";
import { costsRouter } from "./routers/costs";
import { kubernetesRouter } from "./routers/kubernetes";
import { ssoRouter } from "./routers/sso";
import { insightsRouter } from "./routers/insights";

export const appRouter = router({
  org: orgRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  audit: auditRouter,
  onboarding: onboardingRouter,
  catalog: catalogRouter,
  tokens: tokensRouter,
  integrations: integrationsRouter,
  cicd: cicdRouter,
  home: homeRouter,
  scim: scimRouter,
  billing: billingRouter,
  costs: costsRouter,
  kubernetes: kubernetesRouter,
  sso: ssoRouter,
  insights: insightsRouter,
});

export type AppRouter = typeof appRouter;
