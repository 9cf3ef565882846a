import { router } from "../../trpc";
import { getOverviewProcedure } from "./get-overview";
import { pluginNavProcedure } from "./plugin-nav";
import { assignLicensesProcedure } from "./assign-licenses";
import { releaseLicensesProcedure } from "./release-licenses";
import { startTrialProcedure } from "./start-trial";
import { createCheckoutProcedure } from "./create-checkout";
import { createPortalProcedure } from "./create-portal";
import { listInvoicesProcedure } from "./list-invoices";
import { planCapabilitiesProcedure } from "./plan-capabilities";

export const billingRouter = router({
  overview: getOverviewProcedure,
  pluginNav: pluginNavProcedure,
  assignLicenses: assignLicensesProcedure,
  releaseLicenses: releaseLicensesProcedure,
  startTrial: startTrialProcedure,
  checkout: createCheckoutProcedure,
  portal: createPortalProcedure,
  invoices: listInvoicesProcedure,
  capabilities: planCapabilitiesProcedure,
});
