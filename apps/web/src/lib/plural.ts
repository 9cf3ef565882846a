/** "1 file", "2 files", "1 entity", "3 entities": counts in UI text read right for every n. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
