export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type EntityLink = { url: string; title?: string; icon?: string; type?: string };

export type EntityMetadata = {
  name: string;
  namespace?: string;
  title?: string;
  description?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  tags?: string[];
  links?: EntityLink[];
  [key: string]: JsonValue | undefined;
};

/** A Backstage entity as written in a descriptor file. */
export type Entity = {
  apiVersion: string;
  kind: string;
  metadata: EntityMetadata;
  spec?: JsonObject;
};

/** A step into a value: an object key or an array index. */
export type PathSegment = string | number;

export type IssueCode =
  // The file as a whole.
  | "file-too-large"
  | "invalid-utf8"
  | "too-many-documents"
  // One YAML document.
  | "yaml-syntax"
  | "duplicate-key"
  | "alias-limit"
  | "too-deep"
  | "not-an-object"
  // One entity.
  | "required"
  | "wrong-type"
  | "invalid-format"
  | "unknown-field"
  | "unsupported-kind"
  | "invalid-ref"
  | "invalid-placeholder"
  | "unreadable-placeholder"
  | "forbidden-key"
  | "too-many-errors";

/** A problem found in an entity value, before it is tied to a file position. */
export type EntityIssue = {
  segments: PathSegment[];
  /** `segments` for people: `metadata.name`, `spec.providesApis[0]`, `metadata.labels["a/b"]`. */
  path: string;
  code: IssueCode;
  /** What is wrong with this value, e.g. `"my service" is not a valid name`. */
  problem: string;
  /** The rule the value must follow, in words. */
  rule: string;
  /** Whether the key itself is at fault (unknown field, bad label key) or its value. */
  target: "key" | "value";
};

/**
 * One problem in a descriptor file. `document` is 1-based and counts every YAML document
 * in the file, empty ones included, so "doc 3" is the third `---` section an editor shows;
 * 0 means the problem belongs to the whole file. `line` and `column` are 1-based.
 */
export type CatalogError = {
  file: string;
  document: number;
  line: number;
  column: number;
  path: string;
  code: IssueCode;
  /** What is wrong, in words (`"my service" is not a valid name`), without path or rule. */
  problem: string;
  rule: string;
  /** `file doc N line L:C path: problem: rule`, ready to print. */
  message: string;
};

/** A relation between two entities; refs are in the lowercase storage form. */
export type Relation = { type: string; sourceRef: string; targetRef: string };

/** The columns an entity list filters and sorts on. */
export type EntityFields = {
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  description: string | null;
  type: string | null;
  lifecycle: string | null;
  /** Lowercase ref of spec.owner, kind defaulting to Group. */
  owner: string | null;
  /** Lowercase ref of spec.system, kind defaulting to System. */
  system: string | null;
  tags: string[];
};

export type NormalizedEntity = {
  /** `kind:namespace/name`, lowercase: the identity to store and compare. */
  ref: string;
  /** The entity as written, namespace filled in and values made JSON-safe. */
  entity: Entity;
  /** sha256 (hex) of the entity's canonical JSON; unchanged hash means unchanged entity. */
  hash: string;
  fields: EntityFields;
};

/** A `$text`, `$json` or `$yaml` value that Backstage replaces with a file's content. */
export type Placeholder = {
  path: string;
  segments: PathSegment[];
  resolver: "text" | "json" | "yaml";
  /** The URL or relative path to read. */
  target: string;
};

export type CatalogDocument = {
  /** 1-based position among all YAML documents of the file. */
  document: number;
  line: number;
  column: number;
  /** The lowercase entity ref whenever kind and name could be read, even if invalid. */
  ref?: string;
  /** Present exactly when `errors` is empty. */
  entity?: NormalizedEntity;
  relations: Relation[];
  /** Values still to be fetched; the verdict is provisional until they are resolved. */
  placeholders: Placeholder[];
  errors: CatalogError[];
  /**
   * True when Backstage would refuse every entity of this file because of this document
   * (YAML errors, a non-object document, a broken envelope), not only this one.
   */
  blocksFile: boolean;
};

export type CatalogFileResult = {
  file: string;
  /** No errors anywhere in the file. */
  valid: boolean;
  /** Backstage would not update any entity from this file; keep the last good versions. */
  fileRejected: boolean;
  /** Problems that belong to no single document: size, encoding, document count. */
  errors: CatalogError[];
  /** One result per non-empty document; empty (null) documents are skipped as Backstage does. */
  documents: CatalogDocument[];
};
