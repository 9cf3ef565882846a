"use client";

/**
 * A downgrade below the seats in use: the admin picks whose licenses go (nobody loses one
 * silently). Shown per plugin whose new seat count is below its holders.
 */
export function ReleasePicker({
  pluginName,
  holders,
  mustRelease,
  chosen,
  onChange,
}: {
  pluginName: string;
  holders: { userId: string; email: string }[];
  mustRelease: number;
  chosen: string[];
  onChange: (userIds: string[]) => void;
}) {
  const toggle = (userId: string) =>
    onChange(chosen.includes(userId) ? chosen.filter((u) => u !== userId) : [...chosen, userId]);
  const missing = Math.max(0, mustRelease - chosen.length);
  return (
    <fieldset className="mt-3 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200" data-testid="release-picker">
      <legend className="px-1 text-sm font-medium text-amber-900">
        {pluginName}: choose {mustRelease} license{mustRelease === 1 ? "" : "s"} to release
      </legend>
      <p className="text-sm text-amber-900" aria-live="polite">
        {missing > 0 ? `${missing} more to choose.` : "Ready: these members lose their seat when the change is made."}
      </p>
      <ul className="mt-2 space-y-1">
        {holders.map((h) => (
          <li key={h.userId}>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={chosen.includes(h.userId)} onChange={() => toggle(h.userId)} />
              Release {h.email}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
