import { Composer, Lexer, LineCounter, Parser, visit, type CST, type Document } from "yaml";
import { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_DOCUMENTS_PER_FILE, MAX_ERRORS_PER_DOCUMENT, MAX_FILE_BYTES } from "./limits";
import type { IssueCode } from "./types";

/** A problem found while reading YAML, positioned by character offset in the text. */
export type SourceIssue = { code: IssueCode; problem: string; rule: string; offset: number };

export type SourceDocument = {
  /** 1-based, counting every document in the file. */
  number: number;
  doc: Document.Parsed;
  /** The document as plain data (yaml's toJSON), unless `issues` says why not. */
  value?: unknown;
  issues: SourceIssue[];
};

export type SourceFile = {
  lineCounter: LineCounter;
  documents: SourceDocument[];
  /** A problem with the whole file; `document` is set when one document caused it. */
  fileIssue?: SourceIssue & { document: number };
};

// Slack over MAX_DEPTH for the parser's own frames (document, block values). The exact
// depth is measured on the parsed value; this guard only stops absurd nesting early,
// before yaml's composer, which needs memory per level, ever sees it.
const PARSER_STACK_LIMIT = MAX_DEPTH + 8;

/** Reads Backstage YAML with bounds on size, nesting and document count. */
export function readYaml(text: string): SourceFile {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  const parser = new Parser(lineCounter.addNewLine);
  const tokens: CST.Token[] = [];
  let documents = 0;
  // Driving the parser one lexeme at a time lets it stop as soon as a bound is crossed.
  const step = (emitted: Iterable<CST.Token>): SourceFile["fileIssue"] => {
    for (const token of emitted) {
      tokens.push(token);
      if (token.type === "document") documents++;
    }
    if (parser.stack.length > PARSER_STACK_LIMIT) {
      const problem = `document nests more than ${MAX_DEPTH} levels deep`;
      const rule = `at most ${MAX_DEPTH} levels of nesting`;
      return { code: "too-deep", problem, rule, offset: parser.offset, document: documents + 1 };
    }
    if (documents > MAX_DOCUMENTS_PER_FILE) {
      const problem = `file has more than ${MAX_DOCUMENTS_PER_FILE} documents`;
      const rule = `at most ${MAX_DOCUMENTS_PER_FILE} documents per file; split the file`;
      return { code: "too-many-documents", problem, rule, offset: parser.offset, document: 0 };
    }
    return undefined;
  };
  for (const lexeme of new Lexer().lex(text)) {
    const fileIssue = step(parser.next(lexeme));
    if (fileIssue) return { lineCounter, documents: [], fileIssue };
  }
  const fileIssue = step(parser.end());
  if (fileIssue) return { lineCounter, documents: [], fileIssue };
  // Backstage reads with yaml's defaults except merge keys, which it leaves off.
  const composer = new Composer({ merge: false, logLevel: "error" });
  const docs = Array.from(composer.compose(tokens)) as Document.Parsed[];
  return { lineCounter, documents: docs.map((doc, i) => toSourceDocument(doc, i + 1)) };
}

function toSourceDocument(doc: Document.Parsed, number: number): SourceDocument {
  if (doc.errors.length > 0) {
    const issues = doc.errors.slice(0, MAX_ERRORS_PER_DOCUMENT).map((error) => ({
      code: error.code === "DUPLICATE_KEY" ? ("duplicate-key" as const) : ("yaml-syntax" as const),
      problem: firstLine(error.message),
      rule: error.code === "DUPLICATE_KEY" ? "each key may appear once per mapping" : "valid YAML",
      offset: error.pos[0],
    }));
    return { number, doc, issues };
  }
  try {
    return { number, doc, value: doc.toJS({ json: true, maxAliasCount: MAX_ALIAS_COUNT }), issues: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = firstAlias(doc) ?? doc.contents?.range[0] ?? doc.range[0];
    if (message.includes("Excessive alias count")) {
      const rule = `aliases may expand to at most ${MAX_ALIAS_COUNT} nodes per document (protection against alias bombs)`;
      return { number, doc, issues: [{ code: "alias-limit", problem: "expands too many aliases", rule, offset }] };
    }
    return { number, doc, issues: [{ code: "yaml-syntax", problem: firstLine(message), rule: "valid YAML", offset }] };
  }
}

// Both alias failures (too many, or no such anchor) are best shown at an alias.
function firstAlias(doc: Document.Parsed): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

const firstLine = (message: string): string =>
  (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");

export type DecodeResult =
  { text: string } | { issue: { code: IssueCode; problem: string; rule: string; line: number; column: number } };

/** Text from a string or bytes, refusing oversize input and bytes that are not UTF-8. */
export function decodeSource(input: string | Uint8Array): DecodeResult {
  const bytes = typeof input === "string" ? Buffer.byteLength(input, "utf8") : input.byteLength;
  if (bytes > MAX_FILE_BYTES) {
    const rule = `at most ${MAX_FILE_BYTES} bytes (${MAX_FILE_BYTES / 1024 / 1024} MiB) per file`;
    return { issue: { code: "file-too-large", problem: `file is ${bytes} bytes`, rule, line: 1, column: 1 } };
  }
  if (typeof input === "string") return { text: input };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(input) };
  } catch {
    const at = firstInvalidByte(input);
    const before = new TextDecoder("utf-8").decode(input.subarray(0, at));
    const lines = before.split("\n");
    const line = lines.length;
    const column = (lines[lines.length - 1]?.length ?? 0) + 1;
    const problem = `the bytes at offset ${at} are not valid UTF-8`;
    return { issue: { code: "invalid-utf8", problem, rule: "descriptor files must be UTF-8 text", line, column } };
  }
}

/** Offset of the first byte a streaming decoder chokes on, or where a cut-off sequence starts. */
function firstInvalidByte(bytes: Uint8Array): number {
  const decodes = (length: number): boolean => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  if (decodes(bytes.length)) {
    // Only the end is wrong: a multi-byte sequence cut short. Point at its lead byte.
    let at = bytes.length - 1;
    while (at > 0 && bytes.length - at < 4 && ((bytes[at] ?? 0) & 0xc0) === 0x80) at--;
    return at;
  }
  let valid = 0;
  let invalid = bytes.length;
  while (invalid - valid > 1) {
    const mid = Math.floor((valid + invalid) / 2);
    if (decodes(mid)) valid = mid;
    else invalid = mid;
  }
  return leadOf(bytes, valid);
}

/** The decoder fails at the byte that breaks a sequence; the sequence's lead byte is clearer. */
function leadOf(bytes: Uint8Array, at: number): number {
  let lead = at - 1;
  while (lead >= 0 && at - lead <= 3 && ((bytes[lead] ?? 0) & 0xc0) === 0x80) lead--;
  const byte = bytes[lead] ?? 0;
  const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return lead >= 0 && length > at - lead ? lead : at;
}
