// Recent searches stay in this browser (per org): nothing about them needs the server.
const MAX_RECENT = 5;
const key = (slug: string) => `stagedoor:recent-searches:${slug}`;

export function loadRecentSearches(slug: string): string[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(key(slug)) ?? "[]");
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string").slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

export function saveRecentSearch(slug: string, text: string): void {
  const t = text.trim();
  if (!t) return;
  const next = [t, ...loadRecentSearches(slug).filter((s) => s.toLowerCase() !== t.toLowerCase())].slice(0, MAX_RECENT);
  try {
    window.localStorage.setItem(key(slug), JSON.stringify(next));
  } catch {
    // Storage full or disabled: recent searches are a convenience.
  }
}
