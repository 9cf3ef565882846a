// Descriptor builders for tests in every package: small, readable YAML the way people
// write it (exported as @stagedoor/catalog/testing). Tests that check exact lines and
// columns keep their YAML inline instead, so the positions stay visible.

type Spec = Record<string, string | string[] | undefined>;

export type MetadataInput = {
  namespace?: string;
  title?: string;
  description?: string;
  annotations?: Record<string, string>;
  tags?: string[];
};

function yamlValue(value: string | string[]): string {
  return Array.isArray(value) ? `[${value.join(", ")}]` : value;
}

export function entityYaml(kind: string, name: string, spec: Spec = {}, metadata: MetadataInput = {}): string {
  const apiVersion = kind === "Template" ? "scaffolder.backstage.io/v1beta3" : "backstage.io/v1alpha1";
  const lines = [`apiVersion: ${apiVersion}`, `kind: ${kind}`, "metadata:", `  name: ${name}`];
  if (metadata.namespace) lines.push(`  namespace: ${metadata.namespace}`);
  if (metadata.title) lines.push(`  title: ${metadata.title}`);
  if (metadata.description) lines.push(`  description: ${metadata.description}`);
  if (metadata.annotations) {
    lines.push("  annotations:");
    for (const [key, value] of Object.entries(metadata.annotations)) lines.push(`    ${key}: ${value}`);
  }
  if (metadata.tags) lines.push(`  tags: [${metadata.tags.join(", ")}]`);
  lines.push("spec:");
  const entries = Object.entries(spec).filter((e): e is [string, string | string[]] => e[1] !== undefined);
  if (entries.length === 0) lines[lines.length - 1] = "spec: {}";
  for (const [key, value] of entries) lines.push(`  ${key}: ${yamlValue(value)}`);
  return lines.join("\n") + "\n";
}

/** A valid Component (service, production, owned by team-a) unless `spec` says otherwise. */
export const component = (name: string, spec: Spec = {}, metadata?: MetadataInput) =>
  entityYaml("Component", name, { type: "service", lifecycle: "production", owner: "team-a", ...spec }, metadata);

export const api = (name: string, spec: Spec = {}) =>
  entityYaml("API", name, { type: "openapi", lifecycle: "production", owner: "team-a", definition: "x", ...spec });

export const group = (name: string, spec: Spec = {}) =>
  entityYaml("Group", name, { type: "team", children: [], ...spec });

export const user = (name: string, memberOf: string[] = []) => entityYaml("User", name, { memberOf });

export const system = (name: string, spec: Spec = {}) => entityYaml("System", name, { owner: "team-a", ...spec });

export const resource = (name: string, spec: Spec = {}) =>
  entityYaml("Resource", name, { type: "database", owner: "team-a", ...spec });

export const location = (name: string, target: string) => entityYaml("Location", name, { type: "url", target });

/** Several documents as one multi-document file. */
export const docs = (...documents: string[]) => documents.join("---\n");

export const file = (name: string, ...documents: string[]) => ({ name, content: docs(...documents) });
