import { isScalar, parseAllDocuments, parse as parseYaml, visit, type Node } from "yaml";
import { bundleOpenApi, type BundleLimits } from "./bundle-openapi";
import type { PlaceholderReader, ReadResult } from "./reader";

export type { PlaceholderReader, ReadResult };

/**
 * `$text`, `$json` and `$yaml` placeholders, resolved as Backstage's PlaceholderProcessor
 * does: a mapping with exactly one key `$text` / `$json` / `$yaml` whose value is a path
 * relative to the file that declares it (or an absolute URL on the same host), replaced by
 * the target's text / parsed JSON / parsed YAML. Targets are read through an injected reader
 * (the GitHub sync passes one that uses the integration's client and credentials; URL
 * imports can pass theirs), so this step is pure and testable without a network.
 */
export type PlaceholderKind = "text" | "json" | "yaml";

export type PlaceholderProblem = { line: number; column: number; message: string };

export type PlaceholderLimits = BundleLimits & {
  /** Placeholders resolved per file; the rest are problems. */
  maxPlaceholdersPerFile: number;
  /** Bytes of resolved content added to one file. */
  maxResolvedBytesPerFile: number;
};

export const PLACEHOLDER_LIMITS: PlaceholderLimits = {
  maxPlaceholdersPerFile: 20,
  maxResolvedBytesPerFile: 3_000_000,
  maxBundleFiles: 50,
  maxBundleBytes: 3_000_000,
};

type Found = { kind: PlaceholderKind; target: string; start: number; end: number; line: number; column: number };

const KINDS = new Set<string>(["text", "json", "yaml"]);

/** Cheap test so files without placeholders are not parsed twice. */
export function hasPlaceholders(content: string): boolean {
  return /\$(text|json|yaml)\s*:/.test(content);
}

/**
 * Returns the file's content with every readable placeholder replaced in place by its value
 * as one line of JSON (JSON is YAML), padded with blank lines so every other line keeps its
 * number: errors the import reports later still point at the right line on GitHub.
 * A placeholder whose target cannot be read or used comes back as a problem with its line and
 * is replaced by a short string saying so: the entity still imports (a `$text` definition left
 * as a mapping would make the whole entity invalid), and the problem becomes its error.
 */
export async function resolvePlaceholders(
  content: string,
  fileUrl: string,
  read: PlaceholderReader,
  limits: PlaceholderLimits = PLACEHOLDER_LIMITS,
): Promise<{ content: string; problems: PlaceholderProblem[]; resolved: number }> {
  const problems: PlaceholderProblem[] = [];
  if (!hasPlaceholders(content)) return { content, problems, resolved: 0 };
  const found = findPlaceholders(content, problems);
  const kept = found.slice(0, limits.maxPlaceholdersPerFile);
  const urls: Array<string | null> = kept.map((p) => {
    try {
      return new URL(p.target.trim(), fileUrl).href;
    } catch {
      return null;
    }
  });
  const wanted = [...new Set(urls.filter((u): u is string => u !== null))];
  const answers = new Map<string, ReadResult>();
  if (wanted.length) (await read(wanted)).forEach((r, i) => answers.set(wanted[i] as string, r));

  const replacements: Array<{ start: number; end: number; text: string }> = [];
  const replace = (p: Found, value: unknown) => {
    const replaced = content.slice(p.start, p.end);
    const newlines = (replaced.match(/\n/g) ?? []).length;
    replacements.push({ start: p.start, end: p.end, text: JSON.stringify(value) + "\n".repeat(newlines) });
  };
  const unresolved = (p: Found, message: string) => {
    problems.push({ ...at(p), message });
    replace(p, unresolvedValue(p));
  };
  for (const extra of found.slice(limits.maxPlaceholdersPerFile)) {
    unresolved(extra, `Only the first ${limits.maxPlaceholdersPerFile} placeholders of a file are resolved.`);
  }
  let resolved = 0;
  let budget = limits.maxResolvedBytesPerFile;
  for (const [i, p] of kept.entries()) {
    const url = urls[i];
    if (!url) {
      unresolved(p, `$${p.kind} placeholder "${p.target}" is not a URL or a relative path.`);
      continue;
    }
    const answer = answers.get(url) as ReadResult;
    if (!answer.ok) {
      unresolved(p, `$${p.kind} placeholder ${url} could not be read: ${answer.message}`);
      continue;
    }
    const value = await valueOf(p.kind, answer.text, url, read, limits);
    if (!value.ok) {
      unresolved(p, `$${p.kind} placeholder ${url}: ${value.message}`);
      continue;
    }
    budget -= Buffer.byteLength(JSON.stringify(value.value));
    if (budget < 0) {
      unresolved(
        p,
        `$${p.kind} placeholder ${url} is not resolved: placeholders may add at most ${limits.maxResolvedBytesPerFile} bytes to a file.`,
      );
      continue;
    }
    replace(p, value.value);
    resolved++;
  }
  let out = content;
  for (const r of replacements.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, r.start) + r.text + out.slice(r.end);
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { content: out, problems, resolved };
}

async function valueOf(
  kind: PlaceholderKind,
  text: string,
  url: string,
  read: PlaceholderReader,
  limits: BundleLimits,
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  let parsed: unknown;
  try {
    if (kind === "json") parsed = JSON.parse(text);
    else if (kind === "yaml") parsed = parseYaml(text);
  } catch (error) {
    return {
      ok: false,
      message: `is not valid ${kind === "json" ? "JSON" : "YAML"} (${(error as Error).message.split("\n")[0]}).`,
    };
  }
  if (kind === "text") {
    // A multi-file OpenAPI definition is bundled into one document, in the text's own format.
    const bundled = await bundleOpenApi(text, url, read, limits);
    if (!bundled.ok) return bundled;
    return { ok: true, value: bundled.text };
  }
  const bundled = await bundleOpenApi(parsed, url, read, limits);
  if (!bundled.ok) return bundled;
  return { ok: true, value: bundled.value };
}

function findPlaceholders(content: string, problems: PlaceholderProblem[]): Found[] {
  const lineStarts = [0];
  for (let i = 0; i < content.length; i++) if (content[i] === "\n") lineStarts.push(i + 1);
  const position = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] as number) + 1 };
  };
  const found: Found[] = [];
  for (const document of parseAllDocuments(content)) {
    if (!("contents" in document) || document.errors.length) continue; // the import reports syntax errors
    visit(document, {
      Map(_key, node) {
        if (node.items.length !== 1) return;
        const pair = node.items[0];
        if (!pair || !isScalar(pair.key) || typeof pair.key.value !== "string") return;
        const key = pair.key.value;
        if (!key.startsWith("$") || !KINDS.has(key.slice(1))) return;
        const range = (node as Node).range;
        if (!range) return;
        const where = position(range[0]);
        if (!isScalar(pair.value) || typeof pair.value.value !== "string") {
          problems.push({ ...where, message: `The ${key} placeholder must be a string: a path or a URL.` });
          return visit.SKIP;
        }
        found.push({
          kind: key.slice(1) as PlaceholderKind,
          target: pair.value.value,
          start: range[0],
          end: range[1],
          ...where,
        });
        return visit.SKIP;
      },
    });
  }
  return found;
}

const at = (p: Found) => ({ line: p.line, column: p.column });

/** What stands in for a placeholder that could not be resolved: the entity says so where the value would be. */
const unresolvedValue = (p: Found) => `(unresolved $${p.kind} placeholder: ${p.target})`;
