import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  EntityPolicies,
  entityEnvelopeSchemaValidator,
  entityKindSchemaValidator,
  entitySchemaValidator,
  FieldFormatEntityPolicy,
  getCompoundEntityRef,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  type Entity,
  type KindValidator,
} from "@backstage/catalog-model";
import { createRequire } from "node:module";
import { parseAllDocuments } from "yaml";
import { templateReferenceSchema } from "./template-reference-schema";

// Backstage's catalog ingestion of one descriptor file, rebuilt from @backstage/catalog-model
// in the order plugin-catalog-backend applies it: parseEntityYaml, the output collector's
// envelope check and location annotations, pre-processing (placeholders, location
// annotations), the default entity policies, validateEntityKind of BuiltinKindsEntityProcessor
// and ScaffolderEntitiesProcessor, then the relation refs their postProcessEntity parses.
// Not simulated: reading Location targets, catalog.rules kind allow-lists, placeholder I/O.

export type ReferenceDocument = {
  number: number;
  verdict: "valid" | "invalid" | "skipped";
  /** Backstage's own error message when invalid. */
  reason?: string;
  /** Whether Backstage fails the whole file for it (parse or envelope stage). */
  blocksFile: boolean;
  ref?: string;
  relations?: string[];
};

const require = createRequire(import.meta.url);
const catalogModelRequire = createRequire(require.resolve("@backstage/catalog-model"));
// The lodash catalog-model itself uses, for AnnotateLocationEntityProcessor's merge.
const lodash = catalogModelRequire("lodash") as {
  merge: (a: object, b: object) => Entity;
  isPlainObject: (v: unknown) => boolean;
};

const LOCATION = "url:https://github.com/acme/repo/blob/main/catalog-info.yaml";
/** What placeholder resolvers return here; "resolved" passes every string format but URLs. */
export const RESOLVED_TEXT = "resolved";
export const RESOLVED_DATA = { resolved: true };

function templateValidator(): { validator: KindValidator; real: boolean } {
  try {
    const scaffolder = require("@backstage/plugin-scaffolder-common") as {
      templateEntityV1beta3Validator: KindValidator;
    };
    return { validator: scaffolder.templateEntityV1beta3Validator, real: true };
  } catch {
    const validate = entityKindSchemaValidator(templateReferenceSchema);
    return { validator: { check: async (data: Entity) => validate(data) === data }, real: false };
  }
}

const template = templateValidator();
/** Whether Template documents were judged by the real scaffolder package. */
export const REAL_TEMPLATE_VALIDATOR = template.real;

const builtinValidators = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
];

const policy = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);
const validateEnvelope = entityEnvelopeSchemaValidator();
const validateEntity = entitySchemaValidator();

class Rejected extends Error {
  constructor(
    message: string,
    readonly blocksFile = false,
  ) {
    super(message);
  }
}

/** Backstage's verdict for each document of a descriptor file. */
export async function backstageVerdicts(text: string): Promise<ReferenceDocument[]> {
  // logLevel only silences console warnings; it does not change what is parsed.
  const docs = parseAllDocuments(text, { merge: false, logLevel: "error" });
  const out: ReferenceDocument[] = [];
  for (const [i, doc] of docs.entries()) {
    const number = i + 1;
    try {
      if (doc.errors.length > 0) throw new Rejected(`YAML error, ${doc.errors[0]}`, true);
      let json: unknown;
      try {
        json = doc.toJSON();
      } catch (e) {
        throw new Rejected(`toJSON threw, ${e}`, true);
      }
      if (json === null) {
        out.push({ number, verdict: "skipped", blocksFile: false });
        continue;
      }
      if (!lodash.isPlainObject(json)) throw new Rejected(`Expected object at root, got ${typeof json}`, true);
      const { entity, relations } = await processEntity(json);
      out.push({ number, verdict: "valid", blocksFile: false, ref: stringifyEntityRef(entity), relations });
    } catch (e) {
      const blocksFile = e instanceof Rejected && e.blocksFile;
      out.push({ number, verdict: "invalid", reason: e instanceof Error ? e.message : String(e), blocksFile });
    }
  }
  return out;
}

async function processEntity(json: unknown): Promise<{ entity: Entity; relations: string[] }> {
  // ProcessorOutputCollector: envelope, then location annotations.
  let entity: Entity;
  try {
    entity = validateEnvelope(json);
  } catch (e) {
    throw new Rejected(`envelope: ${e}`, true);
  }
  const annotations = entity.metadata.annotations || {};
  if (typeof annotations === "object" && !Array.isArray(annotations)) {
    const extra = { [ANNOTATION_ORIGIN_LOCATION]: LOCATION, [ANNOTATION_LOCATION]: LOCATION };
    entity = { ...entity, metadata: { ...entity.metadata, annotations: { ...annotations, ...extra } } };
  }
  // DefaultCatalogProcessingOrchestrator.
  validateEnvelope(entity);
  entity = resolvePlaceholders(entity) as Entity;
  entity = lodash.merge(
    { metadata: { annotations: { "backstage.io/view-url": "https://github.com/acme/repo" } } },
    entity,
  );
  const enforced = await policy.enforce(entity);
  if (!enforced) throw new Rejected("Policy unexpectedly returned no data");
  entity = enforced;
  validateEntity(entity);
  let valid = false;
  for (const validators of [builtinValidators, [template.validator]]) {
    for (const validator of validators) {
      if (await validator.check(entity)) {
        valid = true;
        break;
      }
    }
  }
  if (!valid) throw new Rejected("No processor recognized the entity as valid");
  return { entity, relations: emitRelations(entity) };
}

/** PlaceholderProcessor with resolvers that return fixed content instead of reading. */
function resolvePlaceholders(data: unknown): unknown {
  if (!data || !(data instanceof Object)) return data;
  if (Array.isArray(data)) return data.map(resolvePlaceholders);
  const record = data as Record<string, unknown>;
  const keys = Object.keys(record);
  if (!keys.some((k) => k.startsWith("$"))) {
    return Object.fromEntries(keys.map((k) => [k, resolvePlaceholders(record[k])]));
  }
  const key = keys[0] ?? "";
  const resolver = key.slice(1);
  if (keys.length !== 1 || !["text", "json", "yaml"].includes(resolver)) return data;
  if (typeof record[key] !== "string") throw new Rejected(`Placeholder ${key} expected a string value parameter`);
  return resolver === "text" ? RESOLVED_TEXT : structuredClone(RESOLVED_DATA);
}

type Emit = [field: string, defaultKind: string | undefined, forward: string, reverse: string];

// The spec fields BuiltinKindsEntityProcessor and ScaffolderEntitiesProcessor turn into relations.
const EMITS: Record<string, Emit[]> = {
  Component: [
    ["owner", "Group", "ownedBy", "ownerOf"],
    ["subcomponentOf", "Component", "partOf", "hasPart"],
    ["providesApis", "API", "providesApi", "apiProvidedBy"],
    ["consumesApis", "API", "consumesApi", "apiConsumedBy"],
    ["dependsOn", undefined, "dependsOn", "dependencyOf"],
    ["dependencyOf", undefined, "dependencyOf", "dependsOn"],
    ["system", "System", "partOf", "hasPart"],
  ],
  API: [
    ["owner", "Group", "ownedBy", "ownerOf"],
    ["system", "System", "partOf", "hasPart"],
  ],
  Resource: [
    ["owner", "Group", "ownedBy", "ownerOf"],
    ["dependsOn", undefined, "dependsOn", "dependencyOf"],
    ["dependencyOf", undefined, "dependencyOf", "dependsOn"],
    ["system", "System", "partOf", "hasPart"],
  ],
  User: [["memberOf", "Group", "memberOf", "hasMember"]],
  Group: [
    ["parent", "Group", "childOf", "parentOf"],
    ["children", "Group", "parentOf", "childOf"],
    ["members", "User", "hasMember", "memberOf"],
  ],
  System: [
    ["owner", "Group", "ownedBy", "ownerOf"],
    ["domain", "Domain", "partOf", "hasPart"],
  ],
  Domain: [
    ["owner", "Group", "ownedBy", "ownerOf"],
    ["subdomainOf", "Domain", "partOf", "hasPart"],
  ],
};

function emitRelations(entity: Entity): string[] {
  const self = getCompoundEntityRef(entity);
  const selfRef = stringifyEntityRef(self);
  const isTemplate = entity.kind === "Template" && entity.apiVersion === "scaffolder.backstage.io/v1beta3";
  const emits = isTemplate ? [["owner", "Group", "ownedBy", "ownerOf"] as Emit] : (EMITS[entity.kind] ?? []);
  const relations: string[] = [];
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  for (const [field, defaultKind, forward, reverse] of emits) {
    const targets = spec[field];
    if (!targets) continue;
    for (const target of [targets].flat()) {
      const parsed = parseEntityRef(target as string, { defaultKind, defaultNamespace: self.namespace });
      // Storing a relation stringifies both ends, which throws on a non-string part.
      const targetRef = stringifyEntityRef(parsed);
      relations.push(`${forward} ${selfRef} ${targetRef}`, `${reverse} ${targetRef} ${selfRef}`);
    }
  }
  return [...new Set(relations)];
}
