import { router } from "../../trpc";
import { getSsoSettingsProcedure } from "./get-sso-settings";
import { saveOidcConnectionProcedure } from "./save-oidc-connection";
import { saveSamlConnectionProcedure } from "./save-saml-connection";
import { setSsoEnabledProcedure } from "./set-sso-enabled";
import { setRequireSsoProcedure } from "./set-require-sso";
import { setSessionTimeoutsProcedure } from "./set-session-timeouts";
import { listDomainsProcedure } from "./list-domains";
import { addDomainProcedure } from "./add-domain";
import { verifyDomainProcedure } from "./verify-domain";
import { removeDomainProcedure } from "./remove-domain";
import { signOutEverywhereProcedure } from "./sign-out-everywhere";

export const ssoRouter = router({
  settings: getSsoSettingsProcedure,
  saveOidc: saveOidcConnectionProcedure,
  saveSaml: saveSamlConnectionProcedure,
  setEnabled: setSsoEnabledProcedure,
  setRequired: setRequireSsoProcedure,
  setSessionTimeouts: setSessionTimeoutsProcedure,
  domains: listDomainsProcedure,
  addDomain: addDomainProcedure,
  verifyDomain: verifyDomainProcedure,
  removeDomain: removeDomainProcedure,
  signOutEverywhere: signOutEverywhereProcedure,
});
