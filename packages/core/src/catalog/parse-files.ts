import {
  catalogError,
  parseCatalogFile,
  type CatalogError,
  type CatalogFileResult,
  type NormalizedEntity,
  type Relation,
} from "@stagedoor/catalog";
import { AppError } from "../errors";
import type { CatalogFileInput, DocumentOutcome, FileOutcome } from "./ingestion-types";

/** A valid document: the entity as it should be stored, with the file's problems on its lines. */
export type ValidDocument = {
  file: string;
  document: number;
  entity: NormalizedEntity;
  relations: Relation[];
  /** Stored as the entity's errors (null in the database when empty). */
  errors: CatalogError[];
  outcome: DocumentOutcome;
};

/** A document that cannot be stored now; with a ref, its entity can keep its last good version. */
export type FailedDocument = {
  file: string;
  document: number;
  ref: string | null;
  errors: CatalogError[];
  outcome: DocumentOutcome;
};

export type ParsedSource = {
  files: FileOutcome[];
  /** First occurrence of each ref only; later ones are reported as duplicates. */
  valid: ValidDocument[];
  failed: FailedDocument[];
  /** Files Backstage would take nothing from, with the errors that caused it. */
  rejectedFiles: Map<string, CatalogError[]>;
};

export const MAX_FILES_PER_IMPORT = 10_000;
const MAX_FILE_NAME = 500;

/** Refs already seen in this import, and where: a later definition is a duplicate. */
export type SeenRefs = Map<string, string>;

export const emptyParsed = (): ParsedSource => ({ files: [], valid: [], failed: [], rejectedFiles: new Map() });

/**
 * One file parsed → validated → normalised, with relations derived: pure and
 * self-contained (plain data in, plain data out), so it can run on a worker thread.
 */
export type ParsedFile = { name: string; result: CatalogFileResult; problems?: CatalogFileInput["problems"] };

export function parseFile(input: CatalogFileInput): ParsedFile {
  const result = parseCatalogFile(input.content, { file: input.name });
  if (mayHoldNul(input.content)) refuseNul(result);
  return { name: input.name, result, ...(input.problems?.length ? { problems: input.problems } : {}) };
}

/**
 * Adds a parsed file's documents to `into`, in order: the first definition of a ref is
 * used, later ones are duplicates (`seen` holds the refs of earlier files).
 */
export function collectParsedFile(
  { name, result, problems: fileProblems }: ParsedFile,
  seen: SeenRefs,
  into: ParsedSource,
): void {
  const outcome: FileOutcome = {
    file: name,
    rejected: result.fileRejected,
    errors: result.errors,
    documents: [],
  };
  into.files.push(outcome);
  const blocking = result.errors.length
    ? result.errors
    : result.documents.filter((d) => d.blocksFile).flatMap((d) => d.errors);
  if (result.fileRejected) into.rejectedFiles.set(name, blocking);

  const problemsOf = problemsByDocument(name, fileProblems ?? [], result);
  for (const doc of result.documents) {
    const ref = doc.entity?.ref ?? doc.ref ?? null;
    const problems = problemsOf.get(doc.document) ?? [];
    const docOutcome: DocumentOutcome = {
      document: doc.document,
      line: doc.line,
      column: doc.column,
      ref,
      status: "invalid",
      errors: [...doc.errors, ...problems],
    };
    outcome.documents.push(docOutcome);
    if (ref) {
      const earlier = seen.get(ref);
      if (earlier) {
        docOutcome.status = "duplicate";
        docOutcome.message = `${ref} is already defined in ${earlier}; only the first definition is used.`;
        continue;
      }
      seen.set(ref, `${name} doc ${doc.document} line ${doc.line}`);
    }
    if (doc.entity && !result.fileRejected) {
      const { entity, relations } = doc;
      into.valid.push({ file: name, document: doc.document, entity, relations, errors: problems, outcome: docOutcome });
    } else {
      if (result.fileRejected && !doc.errors.length) {
        docOutcome.status = "rejected";
        docOutcome.message =
          "Not imported: another document of this file cannot be read, so the file is refused as a whole.";
      }
      const errors = [...(doc.errors.length ? doc.errors : blocking), ...problems];
      into.failed.push({ file: name, document: doc.document, ref, errors, outcome: docOutcome });
    }
  }
}

/**
 * The file's problems (unreadable placeholders) as catalog errors of the document whose lines
 * hold them: a document runs from its first line to the line before the next one's.
 */
function problemsByDocument(
  file: string,
  problems: NonNullable<CatalogFileInput["problems"]>,
  result: CatalogFileResult,
): Map<number, CatalogError[]> {
  const out = new Map<number, CatalogError[]>();
  const docs = [...result.documents].sort((a, b) => a.line - b.line);
  for (const p of problems) {
    const doc = docs.findLast((d) => d.line <= p.line) ?? docs[0];
    if (!doc) continue;
    const error = catalogError({
      file,
      document: doc.document,
      line: p.line,
      column: p.column,
      path: "",
      code: "unreadable-placeholder",
      problem: p.message,
      rule: "placeholders must point at a readable file within the limits",
    });
    out.set(doc.document, [...(out.get(doc.document) ?? []), error]);
  }
  return out;
}

/** Refs a parsed file defines, in document order (for looking up earlier definitions). */
export const refsOf = ({ result }: ParsedFile): string[] =>
  result.documents.flatMap((d) => {
    const ref = d.entity?.ref ?? d.ref;
    return ref ? [ref] : [];
  });

/** Parse and collect one file on this thread (tests, small inputs). */
export function parseFileInto(input: CatalogFileInput, seen: SeenRefs, into: ParsedSource): void {
  collectParsedFile(parseFile(input), seen, into);
}

// PostgreSQL text and jsonb cannot hold U+0000, which YAML can write ("\0", "\x00", ...)
// and packages/catalog accepts: such a document would fail the whole import's transaction,
// so it is refused on its own instead. Only files that could contain one are checked.
const NUL_ESCAPE = /\\(0|x00|u0000|U00000000)/;

function mayHoldNul(content: string | Uint8Array): boolean {
  const text = typeof content === "string" ? content : Buffer.from(content).toString("latin1");
  return text.includes("\u0000") || NUL_ESCAPE.test(text);
}

function refuseNul(result: CatalogFileResult): void {
  for (const doc of result.documents) {
    if (!doc.entity || !JSON.stringify(doc.entity.entity).includes("\\u0000")) continue;
    doc.errors = [
      catalogError({
        file: result.file,
        document: doc.document,
        line: doc.line,
        column: doc.column,
        path: "",
        code: "invalid-format",
        problem: "a value contains a NUL character",
        rule: "text values must not contain NUL (\\0) characters",
      }),
    ];
    doc.entity = undefined;
    doc.relations = [];
    result.valid = false;
  }
}

/** The whole input at once (dry runs of small inputs, tests). */
export function parseSourceFiles(files: CatalogFileInput[]): ParsedSource {
  checkFileNames(files);
  const parsed = emptyParsed();
  const seen: SeenRefs = new Map();
  for (const file of files) parseFileInto(file, seen, parsed);
  return parsed;
}

/** An import with no documents at all would orphan the whole source: refused unless asked for. */
export function assertNotEmpty(hasContent: boolean, allowEmpty: boolean): void {
  if (!hasContent && !allowEmpty)
    throw new AppError("BAD_REQUEST", "There is nothing to import: the files hold no entities.");
}

export function checkFileNames(files: CatalogFileInput[]): void {
  const check = fileNameCheck();
  if (files.length > MAX_FILES_PER_IMPORT) check.tooMany();
  for (const { name } of files) check(name);
}

/** The file-name rules, one name at a time (for inputs that arrive as a stream). */
export function fileNameCheck() {
  const names = new Set<string>();
  const tooMany = () => {
    throw new AppError("PAYLOAD_TOO_LARGE", `Import at most ${MAX_FILES_PER_IMPORT} files at once.`);
  };
  const check = (name: string) => {
    if (names.size >= MAX_FILES_PER_IMPORT) tooMany();
    if (!name.trim() || name.length > MAX_FILE_NAME) {
      throw new AppError("BAD_REQUEST", `File names must be 1-${MAX_FILE_NAME} characters.`, { file: name });
    }
    if (names.has(name)) throw new AppError("BAD_REQUEST", `The file "${name}" is given twice.`, { file: name });
    names.add(name);
  };
  return Object.assign(check, { tooMany });
}
