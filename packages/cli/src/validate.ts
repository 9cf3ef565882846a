import { parseCatalogFile, type CatalogError } from "@stagedoor/catalog";
import { readFiles } from "./read-files";

type Io = { out: NodeJS.WritableStream; err: NodeJS.WritableStream };

export type DocumentResult = {
  file: string;
  /** 1-based document number in the file; 0 for problems with the file as a whole. */
  document: number;
  ref: string | null;
  valid: boolean;
  errors: Array<Pick<CatalogError, "line" | "column" | "path" | "code" | "rule" | "message">>;
};

/** One result per document (and one per file that could not be read or parsed at all). */
export async function validateFiles(paths: string[]): Promise<DocumentResult[]> {
  const results: DocumentResult[] = [];
  for (const input of await readFiles(paths)) {
    if ("error" in input) {
      const message = `${input.name}: ${input.error}`;
      results.push({
        file: input.name,
        document: 0,
        ref: null,
        valid: false,
        errors: [{ line: 0, column: 0, path: "", code: "required", rule: "the file must be readable", message }],
      });
      continue;
    }
    // Custom kinds are accepted when their envelope is valid (a Backstage with their processor would).
    const parsed = parseCatalogFile(input.content, { file: input.name, allowUnknownKinds: true });
    const pick = (e: CatalogError) => ({
      line: e.line,
      column: e.column,
      path: e.path,
      code: e.code,
      rule: e.rule,
      message: e.message,
    });
    if (parsed.errors.length > 0) {
      results.push({ file: input.name, document: 0, ref: null, valid: false, errors: parsed.errors.map(pick) });
    }
    for (const doc of parsed.documents) {
      results.push({
        file: input.name,
        document: doc.document,
        ref: doc.ref ?? null,
        valid: doc.errors.length === 0,
        errors: doc.errors.map(pick),
      });
    }
  }
  return results;
}

export async function validateCommand(paths: string[], opts: { json: boolean }, io: Io): Promise<number> {
  const results = await validateFiles(paths);
  const invalid = results.filter((r) => !r.valid);
  if (opts.json) {
    io.out.write(JSON.stringify(results, null, 2) + "\n");
  } else {
    for (const r of invalid) for (const e of r.errors) io.out.write(`✖ ${e.message}\n`);
    const docs = results.filter((r) => r.document > 0).length;
    io.out.write(
      invalid.length === 0
        ? `✔ ${docs} document${docs === 1 ? "" : "s"} in ${paths.length} file${paths.length === 1 ? "" : "s"}: all valid\n`
        : `\n${invalid.length} of ${results.length} document${results.length === 1 ? "" : "s"} invalid\n`,
    );
  }
  return invalid.length === 0 ? 0 : 1;
}
