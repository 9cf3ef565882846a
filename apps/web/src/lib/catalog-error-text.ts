/**
 * A catalog error's message without its "file doc N line L:C" prefix, for places that
 * already show the file and the position beside it.
 */
export function afterPosition(e: { message: string; line: number | null; column: number | null }): string {
  if (e.line === null || e.column === null) return e.message;
  const marker = ` line ${e.line}:${e.column} `;
  const i = e.message.indexOf(marker);
  return i >= 0 ? e.message.slice(i + marker.length) : e.message;
}
