import type { Role } from "@stagedoor/db";

/** Org A's ids that the samples use: the calls are made against A, or with A's ids from B. */
export type SampleIds = {
  githubUrl: string;
  ownerMembershipId: string;
  memberMembershipId: string;
  invitationId: string;
  invitationToken: string;
  tokenId: string;
  scimTokenId: string;
  integrationId: string;
  syncRunId: string;
  entityRef: string;
  entityUid: string;
  domainId: string;
};

/**
 * - `authed`: any signed-in user, no org (anonymous → UNAUTHORIZED is all there is to check).
 * - `org`: an org procedure. `forbiddenFor`: the roles of this org's members that must get
 *   FORBIDDEN for this input. `usesIds`: the input names A's records, so a member of another
 *   org using their own org's slug with it must get NOT_FOUND.
 */
export type Access = { kind: "authed" } | { kind: "org"; forbiddenFor: Role[]; usesIds: boolean };
export type ProcedureSample = { access: Access; input: (ids: SampleIds) => unknown };

const authed = (input: ProcedureSample["input"] = () => undefined): ProcedureSample => ({
  access: { kind: "authed" },
  input,
});
const org = (
  forbiddenFor: Role[],
  usesIds: boolean,
  input: ProcedureSample["input"] = () => undefined,
): ProcedureSample => ({ access: { kind: "org", forbiddenFor, usesIds }, input });

const ADMINS: Role[] = ["MEMBER"];
const OWNERS: Role[] = ["MEMBER", "ADMIN"];
/** A premium plugin the sample org holds no license for: refused to every role. */
const EVERYONE: Role[] = ["MEMBER", "ADMIN", "OWNER"];
const doc = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;

/**
 * A valid-looking input for every tRPC procedure, keyed by its path. The authorization
 * test walks the router itself and fails on a procedure missing here, so a new
 * procedure cannot ship without saying who may call it.
 */
export const PROCEDURE_SAMPLES: Record<string, ProcedureSample> = {
  "org.create": authed(() => ({ name: "Never created", slug: "authz-never-created" })),
  "org.get": org([], false),
  "org.updateName": org(ADMINS, false, () => ({ name: "Renamed by someone" })),
  "org.mine": authed(),
  "org.checkSlug": authed(() => ({ slug: "authz-some-slug" })),
  "members.list": org([], false),
  "members.invite": org(ADMINS, false, () => ({ email: "new-person@example.test", role: "MEMBER" })),
  // Demoting the owner: admins may change roles, but only owners touch the owner role.
  "members.changeRole": org(OWNERS, true, (i) => ({ membershipId: i.ownerMembershipId, role: "MEMBER" })),
  "members.remove": org(OWNERS, true, (i) => ({ membershipId: i.ownerMembershipId })),
  "members.invitations": org(ADMINS, false),
  "members.revokeInvitation": org(ADMINS, true, (i) => ({ invitationId: i.invitationId })),
  "invitations.accept": authed((i) => ({ token: i.invitationToken })),
  "invitations.preview": authed((i) => ({ token: i.invitationToken })),
  "audit.list": org(ADMINS, false, () => ({})),
  "audit.filters": org(ADMINS, false),
  "audit.exportPage": org(ADMINS, false, () => ({})),
  "onboarding.get": org([], false),
  "onboarding.setStep": org(ADMINS, false, () => ({ step: "github", status: "skipped" })),
  "catalog.list": org([], false, () => ({})),
  "catalog.facets": org([], false, () => ({})),
  "catalog.get": org([], true, (i) => ({ ref: i.entityRef })),
  "catalog.graph": org([], true, (i) => ({ ref: i.entityRef })),
  // Ownership of an unknown ref is an empty page, not NOT_FOUND: it reveals nothing either way.
  "catalog.ownership": org([], false, (i) => ({ ref: i.entityRef })),
  "catalog.importYaml": org(ADMINS, false, () => ({
    source: "main",
    files: [{ name: "catalog-info.yaml", content: doc("intruder") }],
    dryRun: false,
  })),
  // Refused before anything is read; an admin's call fails only on the sample URL's host.
  "catalog.importUrl": org(ADMINS, false, () => ({
    url: "https://github.com/acme/payments/blob/main/catalog-info.yaml",
    dryRun: true,
  })),
  // Both name A's GitHub integration: from another org that id is NOT_FOUND.
  "catalog.proposeCatalogFile": org(ADMINS, true, (i) => ({
    url: "https://github.com/acme/payments",
    integrationId: i.integrationId,
  })),
  "catalog.openCatalogPullRequest": org(ADMINS, true, (i) => ({
    url: "https://github.com/acme/payments",
    integrationId: i.integrationId,
    content: doc("intruder"),
  })),
  "catalog.sources": org([], false),
  "catalog.related": org([], true, (i) => ({ ref: i.entityRef })),
  "catalog.unregisterPlan": org(ADMINS, true, (i) => ({ ref: i.entityRef })),
  "catalog.unregister": org(ADMINS, true, (i) => ({ ref: i.entityRef, expectedTotal: 1 })),
  "catalog.refresh": org(ADMINS, true, (i) => ({ ref: i.entityRef })),
  // Reading costs is the Cost Insights premium plugin: org A holds no license, so every role
  // is refused (licensed members: routers/costs/costs.integration.test.ts). Connecting an
  // export is an admin's and needs no license. An unknown ref has no costs.
  "costs.insights": org(EVERYONE, false, () => ({ days: 30 })),
  "costs.forEntity": org(EVERYONE, false, (i) => ({ ref: i.entityRef })),
  "costs.testExport": org(ADMINS, false, () => ({
    source: { type: "url", url: "https://costs.example.test/focus.csv" },
    credentials: { type: "none" },
  })),
  "costs.saveExport": org(ADMINS, false, () => ({
    name: "Intruder costs",
    source: { type: "url", url: "https://costs.example.test/focus.csv" },
    credentials: { type: "none" },
  })),
  // Kubernetes: workloads are read with the catalog; clusters are managed by admins.
  "kubernetes.clusters": org([], false),
  "kubernetes.clusterRole": org([], false),
  "kubernetes.testCluster": org(ADMINS, false, () => ({
    auth: { type: "token", server: "https://k8s.example.test", token: "intruder" },
  })),
  "kubernetes.saveCluster": org(ADMINS, false, () => ({
    name: "Intruder cluster",
    auth: { type: "token", server: "https://k8s.example.test", token: "intruder" },
  })),
  "kubernetes.forEntity": org([], false, (i) => ({ ref: i.entityRef })),
  "kubernetes.problems": org([], false),
  "kubernetes.healthForRefs": org([], false, (i) => ({ refs: [i.entityRef] })),
  "catalog.search": org([], false, () => ({ text: "payments" })),
  "catalog.displayNames": org([], false, (i) => ({ refs: [i.entityRef] })),
  // The signed-in member's own home, stars and recent views.
  "home.get": org([], false),
  "home.me": org([], false),
  "home.starredRefs": org([], false),
  // Starring another org's entity by its ref: NOT_FOUND, as for any of its records.
  "home.star": org([], true, (i) => ({ ref: i.entityRef, starred: true })),
  // An unknown ref is not recorded; it reveals nothing either way.
  "home.recordView": org([], false, (i) => ({ ref: i.entityRef })),
  "tokens.create": org(ADMINS, false, () => ({ name: "sneaky", scopes: ["catalog:write"] })),
  "tokens.list": org(ADMINS, false),
  "tokens.revoke": org(ADMINS, true, (i) => ({ tokenId: i.tokenId })),
  "scim.createToken": org(ADMINS, false, () => ({ name: "sneaky" })),
  "scim.listTokens": org(ADMINS, false),
  "scim.revokeToken": org(ADMINS, true, (i) => ({ tokenId: i.scimTokenId })),
  "integrations.list": org([], false),
  "integrations.get": org([], true, (i) => ({ id: i.integrationId })),
  "integrations.testGithub": org(ADMINS, true, (i) => ({
    id: i.integrationId,
    owner: "acme",
    auth: { type: "saved" },
  })),
  "integrations.saveGithub": org(ADMINS, true, (i) => ({
    id: i.integrationId,
    name: "Hijacked",
    baseUrl: i.githubUrl,
    owner: "someone-else",
    auth: { type: "saved" },
    syncIntervalMinutes: 60,
  })),
  "integrations.dryRun": org(ADMINS, true, (i) => ({ id: i.integrationId })),
  "integrations.syncNow": org(ADMINS, true, (i) => ({ id: i.integrationId })),
  "integrations.syncRun": org([], true, (i) => ({ id: i.syncRunId })),
  "integrations.runs": org([], true, (i) => ({ id: i.integrationId })),
  "integrations.delete": org(ADMINS, true, (i) => ({ id: i.integrationId })),
  "integrations.revealWebhookSecret": org(ADMINS, true, (i) => ({ id: i.integrationId })),
  "cicd.runsForEntity": org([], true, (i) => ({ ref: i.entityRef })),
  "cicd.latestForRefs": org([], false, (i) => ({ refs: [i.entityRef] })),
  "billing.overview": org(ADMINS, false),
  "billing.pluginNav": org([], false),
  // Cross-org license assignment is proved in billing's own tests (licenses.integration.test.ts).
  "billing.assignLicenses": org(ADMINS, false, () => ({ pluginKey: "scorecards", userIds: ["not-a-member"] })),
  "billing.releaseLicenses": org(ADMINS, false, () => ({ pluginKey: "scorecards", userIds: ["not-a-member"] })),
  "billing.startTrial": org(ADMINS, false),
  // Insights is a premium plugin: org A holds no license, so every role is refused (docs/plugins.md);
  // the licensed path is in routers/insights/insights.integration.test.ts.
  "insights.report": org(["ADMIN", "MEMBER"], false, () => ({ from: "2026-01-01", to: "2026-01-31" })),
  "insights.settings": org(["ADMIN", "MEMBER"], false),
  "insights.updateSettings": org(["ADMIN", "MEMBER"], false, () => ({ retentionMonths: 6, pseudonymize: true })),
  "billing.checkout": org(ADMINS, false, () => ({ plan: "team", pluginSeats: {} })),
  "billing.portal": org(ADMINS, false),
  "billing.invoices": org(ADMINS, false),
  "billing.capabilities": org([], false),
  "sso.settings": org(ADMINS, false),
  "sso.saveOidc": org(ADMINS, false, () => ({ issuer: "https://idp.example.test", clientId: "x", clientSecret: "y" })),
  "sso.saveSaml": org(ADMINS, false, () => ({ metadataUrl: "https://idp.example.test/metadata" })),
  "sso.setEnabled": org(ADMINS, false, () => ({ enabled: true })),
  "sso.setRequired": org(ADMINS, false, () => ({ requireSso: true })),
  "sso.setSessionTimeouts": org(ADMINS, false, () => ({ idleMinutes: 30, maxMinutes: null })),
  "sso.domains": org(ADMINS, false),
  "sso.addDomain": org(ADMINS, false, () => ({ domain: "intruder.example.test" })),
  "sso.verifyDomain": org(ADMINS, true, (i) => ({ domainId: i.domainId })),
  "sso.removeDomain": org(ADMINS, true, (i) => ({ domainId: i.domainId })),
  "sso.signOutEverywhere": authed(),
};

/**
 * A request for every REST route, keyed by `METHOD path` of the route table.
 * `idsInPath`: the path names A's entity, so another org's token must get 404.
 * `writes`: members (session) and read-only tokens must get 403.
 */
export type RestSample = {
  path: (ids: SampleIds) => string;
  body?: (ids: SampleIds) => string;
  idsInPath: boolean;
  writes: boolean;
};

export const REST_SAMPLES: Record<string, RestSample> = {
  "GET /entities": { path: () => "/entities", idsInPath: false, writes: false },
  "GET /entities/by-query": { path: () => "/entities/by-query", idsInPath: false, writes: false },
  "GET /entities/by-name/:kind/:namespace/:name": {
    path: () => "/entities/by-name/component/default/svc-a",
    idsInPath: true,
    writes: false,
  },
  "GET /entities/by-uid/:uid": {
    path: (i) => `/entities/by-uid/${i.entityUid}`,
    idsInPath: true,
    writes: false,
  },
  "POST /entities/by-refs": {
    path: () => "/entities/by-refs",
    body: (i) => JSON.stringify({ entityRefs: [i.entityRef] }),
    idsInPath: false,
    writes: false,
  },
  "GET /entity-facets": { path: () => "/entity-facets?facet=kind", idsInPath: false, writes: false },
  "POST /import": {
    path: () => "/import?source=main",
    body: () => doc("intruder"),
    idsInPath: false,
    writes: true,
  },
};

export const catalogDoc = doc;
