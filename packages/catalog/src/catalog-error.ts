import type { CatalogError, IssueCode } from "./types";

export type ErrorParts = {
  file: string;
  document: number;
  line: number;
  column: number;
  path: string;
  code: IssueCode;
  problem: string;
  rule: string;
};

/**
 * `catalog-info.yaml doc 2 line 4:9 metadata.name: "my service" is not a valid name: <rule>`.
 * File-level errors (document 0) leave out the document.
 */
export function catalogError(parts: ErrorParts): CatalogError {
  const { file, document, line, column, path, code, problem, rule } = parts;
  const where = document > 0 ? `${file} doc ${document} line ${line}:${column}` : `${file} line ${line}:${column}`;
  const message = `${where} ${path ? `${path}: ` : ""}${problem}: ${rule}`;
  return { file, document, line, column, path, code, rule, message };
}
