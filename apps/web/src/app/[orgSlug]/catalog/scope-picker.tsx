"use client";

export const SCOPES = [
  { id: "owned", label: "Owned" },
  { id: "starred", label: "Starred" },
  { id: "all", label: "All" },
] as const;
export type Scope = (typeof SCOPES)[number]["id"];

/** Owned / Starred / All, as Backstage's catalog opens: one choice, shown as a segmented control. */
export function ScopePicker({ value, onChange }: { value: Scope; onChange: (scope: Scope) => void }) {
  return (
    <div
      role="radiogroup"
      aria-label="Show"
      className="inline-flex rounded-md shadow-sm ring-1 ring-inset ring-slate-300"
    >
      {SCOPES.map((s, i) => (
        <label
          key={s.id}
          className={`cursor-pointer px-3 py-1.5 text-sm font-medium has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600 ${
            i > 0 ? "border-l border-slate-300" : ""
          } ${value === s.id ? "bg-indigo-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50"} ${
            i === 0 ? "rounded-l-md" : i === SCOPES.length - 1 ? "rounded-r-md" : ""
          }`}
        >
          <input
            type="radio"
            name="catalog-scope"
            value={s.id}
            checked={value === s.id}
            onChange={() => onChange(s.id)}
            className="sr-only"
          />
          {s.label}
        </label>
      ))}
    </div>
  );
}
