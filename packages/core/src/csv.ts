// CSV writing for every export (the audit log's, the Insights tables'). Browser-safe
// (exported as @stagedoor/core/csv): it imports nothing.

/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. A text
 * cell that a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first)
 * gets a leading apostrophe, so exported text can never execute in the reader's
 * spreadsheet; numbers stay numbers, negative ones included.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: the header, then one line per row, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
