// A Backstage-like org as descriptor files: groups in a hierarchy, users in groups,
// systems, components that provide, consume and depend, APIs and resources. The mix gives
// about ten relation rows per entity (each relation is stored in both directions).

// About 200 domain words: a search term matches a few percent of the catalog, as in a real one.
export const WORDS = `
orders payments billing invoice search catalog checkout cart shipping inventory pricing identity auth profile
notification email ledger fraud risk analytics metrics logging gateway routing session recommend review rating
media upload storage archive export import report audit compliance tax currency refund account address
alerting allocation approval asset backup balance batch booking budget campaign capacity cashback certificate
chat claims clearing cluster coupon credit crm dashboard delivery deposit device discount dispatch document
dunning enrollment entitlement escrow event exchange experiment feature feedback fleet forecast fulfillment
geo grading graph health helpdesk hiring holiday hotel insurance interest itinerary journal kyc label leasing
lending licence limits listing loan location loyalty mailing mapping marketplace matching membership merchant
messaging migration mobile monitoring mortgage network onboarding outreach packaging parcel partner passport
payroll pension permission personalization pickup planning playlist points portfolio preferences procurement
promotion provisioning quote ranking reconciliation referral registry reminder rental replenishment
reservation returns rewards roster royalty scheduling scoring settlement shipment signup sizing sourcing spend
subscription supplier support survey sync telemetry tenant ticketing timesheet tracking trading transfer
translation travel treasury trial underwriting usage valuation vendor verification voucher wallet warehouse
webhook wishlist workflow
`
  .trim()
  .split(/\s+/);
const TAGS = [
  "java",
  "go",
  "python",
  "node",
  "rust",
  "grpc",
  "rest",
  "kafka",
  "postgres",
  "redis",
  "tier-1",
  "tier-2",
  "pci",
  "gdpr",
  "internal",
  "public",
];
const LIFECYCLES = ["production", "production", "production", "experimental", "deprecated"];
const COMPONENT_TYPES = ["service", "service", "website", "library"];
const RESOURCE_TYPES = ["database", "queue", "bucket", "cache"];

/** Deterministic pseudo-random numbers, so every run generates the same org. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type GeneratedOrg = {
  files: Array<{ name: string; content: string }>;
  entities: number;
  /** Names of components, for get-by-name requests. */
  components: string[];
};

export function generateOrg(total: number, seed = 1, entitiesPerFile = 100): GeneratedOrg {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const count = (share: number) => Math.max(1, Math.round(total * share));
  const groups = Array.from({ length: count(0.02) }, (_, i) => `team-${i}`);
  const users = Array.from({ length: count(0.1) }, (_, i) => `user-${i}`);
  const systems = Array.from({ length: count(0.03) }, (_, i) => `system-${pick(WORDS)}-${i}`);
  const apis = Array.from({ length: count(0.25) }, (_, i) => `${pick(WORDS)}-api-${i}`);
  const resources = Array.from({ length: count(0.15) }, (_, i) => `${pick(WORDS)}-store-${i}`);
  const componentCount = Math.max(
    1,
    total - groups.length - users.length - systems.length - apis.length - resources.length,
  );
  const components = Array.from({ length: componentCount }, (_, i) => `${pick(WORDS)}-${pick(WORDS)}-${i}`);

  const describe = () => `Handles ${pick(WORDS)} and ${pick(WORDS)} for the ${pick(WORDS)} domain`;
  const tags = () => [...new Set([pick(TAGS), pick(TAGS)])].join(", ");
  // Mostly teams, as Backstage recommends; a few entities are owned by a person.
  const owner = () => (random() < 0.97 ? pick(groups) : `user:${pick(users)}`);
  const docs: string[] = [];
  const entity = (kind: string, name: string, spec: string[], title?: string) =>
    docs.push(
      [
        "apiVersion: backstage.io/v1alpha1",
        `kind: ${kind}`,
        "metadata:",
        `  name: ${name}`,
        ...(title ? [`  title: ${title}`] : []),
        `  description: ${describe()}`,
        `  tags: [${tags()}]`,
        "  annotations:",
        `    github.com/project-slug: acme/${name}`,
        "spec:",
        ...spec.map((line) => `  ${line}`),
      ].join("\n"),
    );

  groups.forEach((g, i) =>
    entity("Group", g, [
      "type: team",
      ...(i > 0 ? [`parent: ${groups[Math.floor((i - 1) / 4)]}`] : []),
      "children: []",
    ]),
  );
  users.forEach((u) => entity("User", u, [`memberOf: [${pick(groups)}]`]));
  systems.forEach((s) => entity("System", s, [`owner: ${pick(groups)}`]));
  apis.forEach((a) =>
    entity("API", a, [
      "type: openapi",
      `lifecycle: ${pick(LIFECYCLES)}`,
      `owner: ${owner()}`,
      `system: ${pick(systems)}`,
      'definition: "openapi: 3.0.0"',
    ]),
  );
  resources.forEach((r) =>
    entity("Resource", r, [`type: ${pick(RESOURCE_TYPES)}`, `owner: ${owner()}`, `system: ${pick(systems)}`]),
  );
  components.forEach((c, i) => {
    const deps = [`component:${pick(components)}`, `component:${pick(components)}`, `resource:${pick(resources)}`];
    entity(
      "Component",
      c,
      [
        `type: ${pick(COMPONENT_TYPES)}`,
        `lifecycle: ${pick(LIFECYCLES)}`,
        `owner: ${owner()}`,
        `system: ${pick(systems)}`,
        `providesApis: [${apis[i % apis.length]}]`,
        `consumesApis: [${pick(apis)}, ${pick(apis)}, ${pick(apis)}]`,
        `dependsOn: [${deps.join(", ")}]`,
      ],
      i % 7 === 0 ? `${c.split("-").slice(0, 2).join(" ")} service` : undefined,
    );
  });

  const files: GeneratedOrg["files"] = [];
  for (let i = 0; i < docs.length; i += entitiesPerFile) {
    files.push({
      name: `catalog/part-${files.length}.yaml`,
      content: docs.slice(i, i + entitiesPerFile).join("\n---\n") + "\n",
    });
  }
  return { files, entities: docs.length, components };
}
