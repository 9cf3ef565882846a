import { MAX_DOCUMENTS_PER_FILE } from "./limits";
import { bail, fold, NOT_PLAIN, resolvePlain } from "./plain-yaml-values";

// A fast reader for the plain YAML that catalog files are almost always written in. Reading
// YAML with the `yaml` library (CST, Documents, toJS) was most of the CPU and garbage of a
// large ingestion; this reader walks the text once and builds only the plain values.
//
// It reads only this subset, and returns null ("not sure") for ANY file outside it, so the
// caller falls back to the `yaml` library for the whole file. It must never return a value
// or position that differs from what the library path gives; when in doubt it bails.
// - LF line ends, no tabs, control characters, BOM or lone surrogates anywhere; no `%`
//   directives, no `...`; `---` alone on a line (optionally with a comment) between documents.
// - Every document is a block mapping starting at column 1, or empty (nothing before the
//   next `---` or the end); at least one is not empty.
// - Block mappings with plain or quoted string keys (no duplicates, `?`, `<<`, `__proto__`,
//   keys that resolve to non-strings); block sequences, with compact `- key: value` mappings.
// - Single-line plain scalars, not starting with an indicator; single-line quoted scalars
//   (double-quoted with only \\ \" \/ \n \t escapes); one-line flow sequences of scalars;
//   `[]` and `{}`; `|`, `|-`, `>`, `>-` block scalars without leading blank lines, with
//   whitespace-only lines no longer than the indentation, and (for `>`) no more-indented lines.
// - Scalars resolve as yaml 2's core schema does (null, bool, int, float), bailing on
//   .inf/.nan, octal/hex, -0 and integers beyond the safe range.
// - A value written on the key's line must not be followed by a more-indented line
//   (it could be a multi-line plain scalar), and nesting stays under MAX_PLAIN_DEPTH.

export type PlainDocument =
  | {
      value: Record<string, unknown>;
      /** Where the document's content starts, as the library path reports it (1-based). */
      line: number;
      column: number;
    }
  /** An empty document (a trailing or repeated `---`): it still counts in the numbering. */
  | { value: null };

const MAX_PLAIN_DEPTH = 32;
const MAX_KEY_LENGTH = 1000;

// Characters the subset never contains: controls (tab and CR included), C1 controls, BOM,
// line/paragraph separators, non-characters and lone surrogates.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_CHARACTERS = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\p{Surrogate}/u;

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DOT = 0x2e;

// Characters that start something other than a plain scalar (or a plain scalar whose
// reading is subtle, like `-x`, `?x`, `:x`).
const INDICATORS = new Set("-?:,[]{}#&*!|>'\"%@`".split("").map((c) => c.charCodeAt(0)));

/** The documents of a plain catalog file, or null if the file is outside the subset. */
export function readPlainYaml(text: string): PlainDocument[] | null {
  if (UNSAFE_CHARACTERS.test(text)) return null;
  try {
    return new PlainReader(text).documents();
  } catch (error) {
    if (error === NOT_PLAIN) return null;
    throw error;
  }
}

class PlainReader {
  private readonly text: string;
  /** The current line: [lineStart, lineEnd), without its newline. */
  private lineStart = 0;
  private lineEnd = 0;
  /** 1-based number of the current line. */
  private lineNumber = 1;
  /** Leading spaces of the current line; -1 at the end of the text and on `---` lines. */
  private indent = 0;
  private atEnd = false;

  constructor(text: string) {
    this.text = text;
    this.enterLine(0);
  }

  documents(): PlainDocument[] {
    const documents: PlainDocument[] = [];
    this.skipInsignificantLines();
    // A leading `---` opens the first document rather than ending an empty one.
    if (this.isDocumentStart()) this.leaveDocumentStart();
    for (;;) {
      if (this.atEnd || this.isDocumentStart()) {
        documents.push({ value: null }); // nothing before the end or the next `---`
      } else {
        if (this.indent !== 0) bail();
        const line = this.lineNumber;
        documents.push({ value: this.readMapping(0, this.lineStart, 1), line, column: 1 });
      }
      if (documents.length > MAX_DOCUMENTS_PER_FILE) bail();
      if (this.atEnd) break;
      if (!this.isDocumentStart()) bail();
      this.leaveDocumentStart();
    }
    // A file of empty documents (or none) is left to the library, which says what it holds.
    if (!documents.some((d) => d.value !== null)) bail();
    return documents;
  }

  // ---- lines ----

  private enterLine(start: number): void {
    const { text } = this;
    this.lineStart = start;
    if (start >= text.length) {
      this.atEnd = true;
      this.lineEnd = start;
      this.indent = -1;
      return;
    }
    const newline = text.indexOf("\n", start);
    this.lineEnd = newline === -1 ? text.length : newline;
    let at = start;
    while (at < this.lineEnd && text.charCodeAt(at) === SPACE) at++;
    this.indent = at - start;
  }

  private nextLine(): void {
    if (this.atEnd) return;
    this.lineNumber++;
    // A text ending in a newline has no line after it: enterLine marks the end.
    this.enterLine(this.lineEnd + 1);
  }

  private isBlank(): boolean {
    return !this.atEnd && this.lineStart + this.indent === this.lineEnd;
  }

  private isComment(): boolean {
    return !this.atEnd && this.text.charCodeAt(this.lineStart + this.indent) === HASH;
  }

  /** Skips blank and comment lines; marks `---`/`...` lines with indent -1. */
  private skipInsignificantLines(): void {
    while (!this.atEnd && (this.isBlank() || this.isComment())) this.nextLine();
    if (this.atEnd || this.indent !== 0) return;
    const { text, lineStart } = this;
    const first = text.charCodeAt(lineStart);
    if ((first === DASH || first === DOT) && text.startsWith(first === DASH ? "---" : "...", lineStart)) {
      // Any line starting `---` or `...` is a marker or something this reader does not read.
      if (first === DOT) bail();
      this.indent = -1;
    }
  }

  private isDocumentStart(): boolean {
    return !this.atEnd && this.indent === -1;
  }

  /** Leaves a `---` line, which may only carry a comment, and finds the next content. */
  private leaveDocumentStart(): void {
    const rest = this.lineStart + 3;
    if (rest < this.lineEnd) {
      if (this.text.charCodeAt(rest) !== SPACE) bail();
      this.expectLineEnd(rest);
    }
    this.nextLine();
    this.skipInsignificantLines();
  }

  /** From `at`, only spaces and then optionally a comment (after a space) may follow. */
  private expectLineEnd(at: number): void {
    const { text, lineEnd } = this;
    let i = at;
    while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
    if (i === lineEnd) return;
    if (text.charCodeAt(i) !== HASH || i === at) bail();
  }

  /**
   * After a value written on its own line (or a block scalar), moves to the next content line.
   * A more-indented line right after it could continue a multi-line plain scalar: bail.
   */
  private finishInlineValue(parentIndent: number): void {
    this.nextLine();
    this.skipBlankAfterValue(parentIndent);
  }

  private skipBlankAfterValue(parentIndent: number): void {
    while (this.isBlank()) this.nextLine();
    if (!this.atEnd && this.indent > parentIndent) bail();
    this.skipInsignificantLines();
  }

  private startsSequenceEntry(): boolean {
    if (this.indent < 0) return false;
    const at = this.lineStart + this.indent;
    return this.text.charCodeAt(at) === DASH && (at + 1 === this.lineEnd || this.text.charCodeAt(at + 1) === SPACE);
  }

  // ---- block collections ----

  /** A block mapping whose keys sit at column `indent`; the first key starts at `firstKey`. */
  private readMapping(indent: number, firstKey: number, depth: number): Record<string, unknown> {
    if (depth > MAX_PLAIN_DEPTH) bail();
    const mapping: Record<string, unknown> = {};
    let keyAt = firstKey;
    for (;;) {
      const { key, after } = this.readKey(keyAt);
      if (Object.hasOwn(mapping, key)) bail();
      mapping[key] = this.readValue(after, indent, depth, false);
      if (this.indent < indent) return mapping;
      if (this.indent > indent) bail();
      keyAt = this.lineStart + indent;
    }
  }

  /** A block sequence whose dashes sit at column `indent`, starting on the current line. */
  private readSequence(indent: number, depth: number): unknown[] {
    if (depth > MAX_PLAIN_DEPTH) bail();
    const items: unknown[] = [];
    for (;;) {
      items.push(this.readValue(this.lineStart + indent + 1, indent, depth, true));
      if (this.indent === indent && this.startsSequenceEntry()) continue;
      if (this.indent <= indent) return items;
      bail();
    }
  }

  /** A collection starting on the current line, at its indentation. */
  private readBlockNode(depth: number): unknown {
    const { indent } = this;
    if (this.startsSequenceEntry()) return this.readSequence(indent, depth);
    return this.readMapping(indent, this.lineStart + indent, depth);
  }

  /**
   * The value after `key:` or `-` (at `at`, on the current line), for a parent at column
   * `parentIndent`. Leaves the reader on the next content line after the value.
   */
  private readValue(at: number, parentIndent: number, depth: number, inSequence: boolean): unknown {
    const { text, lineEnd } = this;
    let start = at;
    while (start < lineEnd && text.charCodeAt(start) === SPACE) start++;
    if (start === lineEnd || text.charCodeAt(start) === HASH) {
      if (start !== lineEnd && start === at) bail();
      this.nextLine();
      this.skipInsignificantLines();
      if (this.indent > parentIndent) return this.readBlockNode(depth + 1);
      // A sequence may be a mapping value at the mapping's own indentation.
      if (!inSequence && this.indent === parentIndent && this.startsSequenceEntry()) {
        return this.readSequence(parentIndent, depth + 1);
      }
      return null;
    }
    if (start === at) bail(); // `key:x` is not a key, and `-x` not an entry: callers check, but be sure
    const first = text.charCodeAt(start);
    switch (first) {
      case 0x22: // "
      case 0x27: {
        // '
        const { value, after } = first === 0x22 ? this.readDoubleQuoted(start) : this.readSingleQuoted(start);
        if (inSequence && this.isKeyColon(after)) {
          return this.readMapping(start - this.lineStart, start, depth + 1);
        }
        this.expectLineEnd(after);
        this.finishInlineValue(parentIndent);
        return value;
      }
      case 0x5b: {
        // [
        const { value, after } = this.readFlowSequence(start, depth + 1);
        this.expectLineEnd(after);
        this.finishInlineValue(parentIndent);
        return value;
      }
      case 0x7b: {
        // {
        if (text.charCodeAt(start + 1) !== 0x7d) bail();
        this.expectLineEnd(start + 2);
        this.finishInlineValue(parentIndent);
        return {};
      }
      case 0x7c: // |
      case 0x3e: // >
        return this.readBlockScalar(start, parentIndent);
    }
    if (INDICATORS.has(first)) bail();
    const plain = this.scanPlain(start);
    if (plain.colon !== -1) {
      // `- key: value` opens a compact mapping; `key: other: value` is an error.
      if (!inSequence) bail();
      return this.readMapping(start - this.lineStart, start, depth + 1);
    }
    const value = resolvePlain(text.slice(start, plain.end));
    this.expectLineEnd(plain.end);
    this.finishInlineValue(parentIndent);
    return value;
  }

  /** `:` at `at` followed by a space or the line end. */
  private isKeyColon(at: number): boolean {
    return this.text.charCodeAt(at) === COLON && (at + 1 === this.lineEnd || this.text.charCodeAt(at + 1) === SPACE);
  }

  private readKey(at: number): { key: string; after: number } {
    const { text } = this;
    const first = text.charCodeAt(at);
    let key: string;
    let colon: number;
    if (first === 0x22 || first === 0x27) {
      const quoted = first === 0x22 ? this.readDoubleQuoted(at) : this.readSingleQuoted(at);
      key = quoted.value;
      colon = quoted.after;
      if (!this.isKeyColon(colon)) bail();
    } else {
      if (INDICATORS.has(first) || at >= this.lineEnd) bail();
      const plain = this.scanPlain(at);
      colon = plain.colon;
      // A key with spaces before its colon is valid YAML, but rare enough to leave to the library.
      if (colon === -1 || plain.end !== colon) bail();
      key = text.slice(at, colon);
      if (typeof resolvePlain(key) !== "string") bail();
    }
    if (key.length > MAX_KEY_LENGTH || key === "<<" || key === "__proto__") bail();
    return { key, after: colon + 1 };
  }

  /**
   * A single-line plain scalar in block context from `at`: where its text ends (trailing
   * spaces and any comment excluded) and the first `: ` / final `:` in it, or -1.
   */
  private scanPlain(at: number): { end: number; colon: number } {
    const { text, lineEnd } = this;
    let end = at;
    for (let i = at; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE) {
        if (text.charCodeAt(i + 1) === HASH) break;
        continue;
      }
      if (c === COLON && (i + 1 === lineEnd || text.charCodeAt(i + 1) === SPACE)) return { end, colon: i };
      end = i + 1;
    }
    return { end, colon: -1 };
  }

  // ---- scalars ----

  private readDoubleQuoted(at: number): { value: string; after: number } {
    const { text, lineEnd } = this;
    let value = "";
    let from = at + 1;
    for (let i = from; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return { value: value + text.slice(from, i), after: i + 1 };
      if (c !== 0x5c) continue; // backslash
      value += text.slice(from, i);
      const escaped = text.charCodeAt(i + 1);
      if (escaped === 0x5c || escaped === 0x22 || escaped === 0x2f) value += String.fromCharCode(escaped);
      else if (escaped === 0x6e) value += "\n";
      else if (escaped === 0x74) value += "\t";
      else bail();
      i++;
      from = i + 1;
    }
    return bail(); // multi-line or unterminated
  }

  private readSingleQuoted(at: number): { value: string; after: number } {
    const { text, lineEnd } = this;
    let value = "";
    let from = at + 1;
    for (let i = from; i < lineEnd; i++) {
      if (text.charCodeAt(i) !== 0x27) continue;
      value += text.slice(from, i);
      if (text.charCodeAt(i + 1) !== 0x27) return { value, after: i + 1 };
      value += "'";
      i++;
      from = i + 1;
    }
    return bail();
  }

  /** `[a, b, "c"]` on one line: scalars only, no empty or trailing items, pairs or `#`. */
  private readFlowSequence(at: number, depth: number): { value: unknown[]; after: number } {
    if (depth > MAX_PLAIN_DEPTH) bail();
    const { text, lineEnd } = this;
    const items: unknown[] = [];
    let i = at + 1;
    while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
    if (text.charCodeAt(i) === 0x5d) return { value: items, after: i + 1 };
    for (;;) {
      while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
      const first = text.charCodeAt(i);
      if (first === 0x22 || first === 0x27) {
        const quoted = first === 0x22 ? this.readDoubleQuoted(i) : this.readSingleQuoted(i);
        items.push(quoted.value);
        i = quoted.after;
      } else {
        if (i >= lineEnd || INDICATORS.has(first)) bail();
        let end = i;
        let j = i;
        for (; j < lineEnd; j++) {
          const c = text.charCodeAt(j);
          if (c === 0x2c || c === 0x5d) break; // , ]
          if (c === 0x5b || c === 0x7b || c === 0x7d || c === HASH) bail();
          // `component:foo` is one scalar; a `:` before a space or `,` `]` would make a pair.
          if (c === COLON && !continuesFlowPlain(text.charCodeAt(j + 1))) bail();
          if (c !== SPACE) end = j + 1;
        }
        items.push(resolvePlain(text.slice(i, end)));
        i = j;
      }
      while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (c === 0x5d) return { value: items, after: i + 1 };
      if (c !== 0x2c || i >= lineEnd) bail();
      i++;
    }
  }

  /**
   * `|`, `|-`, `>` or `>-` at `at`, for a parent at column `parentIndent`. Content lines are
   * those indented at least as much as the first one, which must be more than the parent.
   */
  private readBlockScalar(at: number, parentIndent: number): string {
    const { text } = this;
    const folded = text.charCodeAt(at) === 0x3e;
    let headerEnd = at + 1;
    const strip = text.charCodeAt(headerEnd) === DASH;
    if (strip) headerEnd++;
    if (headerEnd < this.lineEnd && text.charCodeAt(headerEnd) !== SPACE) bail();
    this.expectLineEnd(headerEnd);
    this.nextLine();
    if (this.atEnd || this.isBlank()) bail();
    const contentIndent = this.indent;
    if (contentIndent <= parentIndent) bail();
    const lines: string[] = [];
    for (;;) {
      const line = text.slice(this.lineStart + contentIndent, this.lineEnd);
      if (folded && line.length > 0 && (line.charCodeAt(0) === SPACE || line.charCodeAt(line.length - 1) === SPACE)) {
        bail();
      }
      lines.push(line);
      // Without a final newline the library's chomping differs; leave that to it.
      if (this.lineEnd === text.length) bail();
      this.nextLine();
      let blanks = 0;
      while (this.isBlank()) {
        if (this.indent > contentIndent) bail();
        blanks++;
        this.nextLine();
      }
      if (this.atEnd || this.indent < contentIndent) break;
      for (let b = 0; b < blanks; b++) lines.push("");
    }
    let value = folded ? fold(lines) : lines.join("\n");
    if (!strip) value += "\n";
    this.skipBlankAfterValue(parentIndent);
    return value;
  }
}

/** Whether a `:` followed by `next` stays inside a plain scalar in a flow sequence. */
function continuesFlowPlain(next: number): boolean {
  return (
    next > SPACE && next !== 0x2c && next !== 0x5b && next !== 0x5d && next !== 0x7b && next !== 0x7d && next !== HASH
  );
}
