import type { LineCounter } from "yaml";
import { catalogError } from "./catalog-error";
import { normalizeEntity } from "./normalize";
import { readPlainYaml } from "./plain-yaml";
import { locate } from "./positions";
import { deriveRelations } from "./relations";
import type { CatalogDocument, CatalogError, CatalogFileResult } from "./types";
import { checkEntity, type EntityCheck, type ValidateOptions } from "./validate-entity";
import { decodeSource, readYaml, type SourceDocument } from "./yaml-source";

export type ParseCatalogOptions = ValidateOptions & {
  /** Name used in every error, e.g. the path of the file in its repository. */
  file: string;
};

/**
 * How YAML is read: `plain-first` tries the fast reader for plain files (plain-yaml.ts) and
 * falls back to the `yaml` library; `library-only` always uses the library (for tests that
 * prove both give the same results).
 */
export type YamlReading = "plain-first" | "library-only";

/**
 * Parses a `catalog-info.yaml` (or any multi-document descriptor file) into one result per
 * non-empty document: a normalised entity with its relations, or the errors that stop it.
 * Pure: no I/O, and bounded on hostile input (see limits.ts).
 */
export function parseCatalogFile(
  input: string | Uint8Array,
  options: ParseCatalogOptions,
  reading: YamlReading = "plain-first",
): CatalogFileResult {
  const { file } = options;
  const decoded = decodeSource(input);
  if ("issue" in decoded) {
    const error = catalogError({ file, document: 0, path: "", ...decoded.issue });
    return fileFailure(file, error);
  }
  const plain = reading === "plain-first" ? readPlainFile(decoded.text, options) : undefined;
  if (plain) return plain;
  const source = readYaml(decoded.text);
  if (source.fileIssue) {
    const { document, offset, ...issue } = source.fileIssue;
    const { line, col } = source.lineCounter.linePos(offset);
    return fileFailure(file, catalogError({ file, document, line, column: col, path: "", ...issue }));
  }
  const documents: CatalogDocument[] = [];
  for (const sourceDocument of source.documents) {
    const result = readDocument(sourceDocument, source.lineCounter, options);
    if (result) documents.push(result);
  }
  const fileRejected = documents.some((d) => d.blocksFile);
  const valid = documents.every((d) => d.errors.length === 0);
  return { file, valid, fileRejected, errors: [], documents };
}

/**
 * The result for a file the fast reader reads and whose every document is a valid entity;
 * undefined otherwise, so that every error and its position comes from the library path.
 */
function readPlainFile(text: string, options: ParseCatalogOptions): CatalogFileResult | undefined {
  const plain = readPlainYaml(text);
  if (!plain) return undefined;
  // Every document is checked before any is built: one with issues sends the file to the library.
  const checks = new Map<number, EntityCheck>();
  for (const [i, { value }] of plain.entries()) {
    if (value === null) continue;
    const check = checkEntity(value, options);
    if (check.issues.length > 0) return undefined;
    checks.set(i, check);
  }
  const documents: CatalogDocument[] = [];
  for (const [i, document] of plain.entries()) {
    // Empty documents are skipped, as on the library path; they still count in the numbering.
    if (document.value === null) continue;
    const { line, column } = document;
    const base = { document: i + 1, line, column, relations: [], placeholders: [] };
    documents.push(validDocument(base, document.value, checks.get(i)!));
  }
  const fileRejected = documents.some((d) => d.blocksFile);
  return { file: options.file, valid: true, fileRejected, errors: [], documents };
}

/** A document whose check found no issues: its normalised entity and relations. */
function validDocument(
  base: Pick<CatalogDocument, "document" | "line" | "column" | "relations" | "placeholders">,
  value: unknown,
  check: EntityCheck,
): CatalogDocument {
  const result: CatalogDocument = {
    ...base,
    ref: check.ref,
    placeholders: check.placeholders,
    errors: [],
    blocksFile: check.blocksFile,
  };
  const entity = normalizeEntity(value as Record<string, unknown>);
  result.entity = entity;
  result.relations = deriveRelations(entity.entity);
  return result;
}

// The "N more problems" summary stays last.
const order = (error: CatalogError): number => (error.code === "too-many-errors" ? 1 : 0);

function fileFailure(file: string, error: CatalogError): CatalogFileResult {
  return { file, valid: false, fileRejected: true, errors: [error], documents: [] };
}

function readDocument(
  source: SourceDocument,
  lineCounter: LineCounter,
  options: ParseCatalogOptions,
): CatalogDocument | undefined {
  const { file } = options;
  const { doc, number } = source;
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const start = position(doc.contents?.range[0] ?? doc.range[0]);
  const base = { document: number, ...start, relations: [], placeholders: [] };
  if (source.issues.length > 0) {
    // Backstage gives up on the whole file when any document fails to parse.
    const errors = source.issues.map(({ offset, ...issue }) =>
      catalogError({ file, document: number, ...position(offset), path: "", ...issue }),
    );
    return { ...base, errors, blocksFile: true };
  }
  // Empty documents (a trailing `---`, or a bare `null`) are skipped, as Backstage does.
  if (source.value === null) return undefined;
  const check = checkEntity(source.value, options);
  if (check.issues.length === 0) return validDocument(base, source.value, check);
  const errors = check.issues
    .map((issue) =>
      catalogError({
        file,
        document: number,
        ...position(locate(doc, issue.segments, issue.target)),
        path: issue.path,
        code: issue.code,
        problem: issue.problem,
        rule: issue.rule,
      }),
    )
    // Reported top to bottom, the order a developer fixes them in.
    .sort((a, b) => order(a) - order(b) || a.line - b.line || a.column - b.column);
  return { ...base, ref: check.ref, placeholders: check.placeholders, errors, blocksFile: check.blocksFile };
}
