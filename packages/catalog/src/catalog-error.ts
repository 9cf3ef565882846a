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
 * What is wrong without where: `metadata.name: "my service" is not a valid name: <rule>`.
 * Screens that show the file and position beside an error print this instead of the message,
 * so it is built from the error's fields rather than cut out of its message.
 */
export function describeProblem(e: { path: string; problem: string; rule: string }): string {
  return `${e.path ? `${e.path}: ` : ""}${e.problem}: ${e.rule}`;
}

/**
 * `catalog-info.yaml doc 2 line 4:9 metadata.name: "my service" is not a valid name: <rule>`.
 * File-level errors (document 0) leave out the document.
 */
export function catalogError(parts: ErrorParts): CatalogError {
  const { file, document, line, column, path, code, problem, rule } = parts;
  const where = document > 0 ? `${file} doc ${document} line ${line}:${column}` : `${file} line ${line}:${column}`;
  const message = `${where} ${describeProblem(parts)}`;
  return { file, document, line, column, path, code, problem, rule, message };
}
