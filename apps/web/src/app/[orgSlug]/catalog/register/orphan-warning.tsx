const SHOWN = 10;

/**
 * Said before importing, in words, because orphaned entities disappear from the catalog
 * after a grace period: a grey count in a summary is not enough.
 */
export function OrphanWarning({
  source,
  count,
  refs,
  confirmed,
  onConfirm,
}: {
  source: string;
  count: number;
  refs: string[];
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
}) {
  const noun = count === 1 ? "entity" : "entities";
  const shown = refs.slice(0, SHOWN);
  return (
    <div
      role="alert"
      className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-300"
    >
      <p className="font-medium" data-testid="orphan-warning">
        This will orphan {count} {noun}: {shown.join(", ")}
        {count > shown.length ? `, and ${count - shown.length} more` : ""}.
      </p>
      <p className="mt-1">
        {count === 1 ? "It is" : "They are"} in source <span className="font-mono">{source}</span> but not in this file.
        Orphaned entities are deleted after a grace period (24 hours by default). To keep them, paste the whole file, or
        import under another source name.
      </p>
      <label className="mt-2 flex items-center gap-2 font-medium">
        <input type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} />
        Orphan {count === 1 ? "this entity" : `these ${count} entities`} when importing
      </label>
    </div>
  );
}
