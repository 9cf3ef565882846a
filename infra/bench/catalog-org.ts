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
  /**
   * The descriptor files, generated as they are read (the same files on every pass): a
   * million-entity org never has to be in memory at once, so the ingestion's own memory
   * is what a measurement of the process sees.
   */
  files: Iterable<{ name: string; content: string }>;
  entities: number;
  /** Names of components, for get-by-name requests (built on first use). */
  components: string[];
};

/** A name per index, from a hash of it: lists of names need not be kept. */
function namer(seed: number) {
  const word = (i: number, salt: number) => WORDS[hashOf(seed, i, salt) % WORDS.length]!;
  return {
    group: (i: number) => `team-${i}`,
    user: (i: number) => `user-${i}`,
    system: (i: number) => `system-${word(i, 1)}-${i}`,
    api: (i: number) => `${word(i, 2)}-api-${i}`,
    resource: (i: number) => `${word(i, 3)}-store-${i}`,
    component: (i: number) => `${word(i, 4)}-${word(i, 5)}-${i}`,
  };
}

function hashOf(seed: number, i: number, salt: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35) ^ Math.imul(salt, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export function generateOrg(total: number, seed = 1, entitiesPerFile = 100): GeneratedOrg {
  const count = (share: number) => Math.max(1, Math.round(total * share));
  const n = {
    groups: count(0.02),
    users: count(0.1),
    systems: count(0.03),
    apis: count(0.25),
    resources: count(0.15),
  };
  const componentCount = Math.max(1, total - n.groups - n.users - n.systems - n.apis - n.resources);
  const name = namer(seed);
  const entities = n.groups + n.users + n.systems + n.apis + n.resources + componentCount;

  function* documents(): Generator<string> {
    const random = rng(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const any = (size: number, of: (i: number) => string) => of(Math.floor(random() * size));
    const describe = () => `Handles ${pick(WORDS)} and ${pick(WORDS)} for the ${pick(WORDS)} domain`;
    const tags = () => [...new Set([pick(TAGS), pick(TAGS)])].join(", ");
    // Mostly teams, as Backstage recommends; a few entities are owned by a person.
    const owner = () => (random() < 0.97 ? any(n.groups, name.group) : `user:${any(n.users, name.user)}`);
    const entity = (kind: string, entityName: string, spec: string[], title?: string) =>
      [
        "apiVersion: backstage.io/v1alpha1",
        `kind: ${kind}`,
        "metadata:",
        `  name: ${entityName}`,
        ...(title ? [`  title: ${title}`] : []),
        `  description: ${describe()}`,
        `  tags: [${tags()}]`,
        "  annotations:",
        `    github.com/project-slug: acme/${entityName}`,
        "spec:",
        ...spec.map((line) => `  ${line}`),
      ].join("\n");

    for (let i = 0; i < n.groups; i++)
      yield entity("Group", name.group(i), [
        "type: team",
        ...(i > 0 ? [`parent: ${name.group(Math.floor((i - 1) / 4))}`] : []),
        "children: []",
      ]);
    for (let i = 0; i < n.users; i++) yield entity("User", name.user(i), [`memberOf: [${any(n.groups, name.group)}]`]);
    for (let i = 0; i < n.systems; i++) yield entity("System", name.system(i), [`owner: ${any(n.groups, name.group)}`]);
    for (let i = 0; i < n.apis; i++)
      yield entity("API", name.api(i), [
        "type: openapi",
        `lifecycle: ${pick(LIFECYCLES)}`,
        `owner: ${owner()}`,
        `system: ${any(n.systems, name.system)}`,
        'definition: "openapi: 3.0.0"',
      ]);
    for (let i = 0; i < n.resources; i++)
      yield entity("Resource", name.resource(i), [
        `type: ${pick(RESOURCE_TYPES)}`,
        `owner: ${owner()}`,
        `system: ${any(n.systems, name.system)}`,
      ]);
    for (let i = 0; i < componentCount; i++) {
      const c = name.component(i);
      const deps = [
        `component:${any(componentCount, name.component)}`,
        `component:${any(componentCount, name.component)}`,
        `resource:${any(n.resources, name.resource)}`,
      ];
      const consumes = [any(n.apis, name.api), any(n.apis, name.api), any(n.apis, name.api)];
      yield entity(
        "Component",
        c,
        [
          `type: ${pick(COMPONENT_TYPES)}`,
          `lifecycle: ${pick(LIFECYCLES)}`,
          `owner: ${owner()}`,
          `system: ${any(n.systems, name.system)}`,
          `providesApis: [${name.api(i % n.apis)}]`,
          `consumesApis: [${consumes.join(", ")}]`,
          `dependsOn: [${deps.join(", ")}]`,
        ],
        i % 7 === 0 ? `${c.split("-").slice(0, 2).join(" ")} service` : undefined,
      );
    }
  }

  function* files(): Generator<{ name: string; content: string }> {
    let docs: string[] = [];
    let part = 0;
    for (const doc of documents()) {
      docs.push(doc);
      if (docs.length === entitiesPerFile) {
        yield { name: `catalog/part-${part++}.yaml`, content: docs.join("\n---\n") + "\n" };
        docs = [];
      }
    }
    if (docs.length) yield { name: `catalog/part-${part}.yaml`, content: docs.join("\n---\n") + "\n" };
  }

  let components: string[] | undefined;
  return {
    files: { [Symbol.iterator]: files },
    entities,
    get components() {
      components ??= Array.from({ length: componentCount }, (_, i) => name.component(i));
      return components;
    },
  };
}
