"use client";

import type { EntityFacets, FacetKey } from "@stagedoor/core/catalog-types";
import { displayRef } from "@/lib/entity-ref";

// The server's facets in the order the panel shows them.
export const FILTER_KEYS = [
  "kind",
  "type",
  "lifecycle",
  "owner",
  "system",
  "namespace",
  "tag",
] as const satisfies readonly FacetKey[];
export type FilterKey = (typeof FILTER_KEYS)[number];
/** Kind is picked above the list (one at a time, as in Backstage); these are checkboxes. */
const PANEL_KEYS = FILTER_KEYS.filter((k) => k !== "kind");

const LABELS: Record<FilterKey, string> = {
  kind: "Kind",
  type: "Type",
  lifecycle: "Lifecycle",
  owner: "Owner",
  system: "System",
  namespace: "Namespace",
  tag: "Tag",
};

const MAX_VALUES = 12;

export function FacetPanel(props: {
  facets: EntityFacets | undefined;
  selected: Partial<Record<FilterKey, string[]>>;
  onToggle: (key: FilterKey, value: string) => void;
  onClear: () => void;
  /** Display names of owner and system refs. */
  names?: Record<string, string>;
  id?: string;
  className?: string;
}) {
  const any = PANEL_KEYS.some((k) => props.selected[k]?.length);
  return (
    <aside id={props.id} aria-label="Filters" className={`space-y-5 ${props.className ?? ""}`}>
      {any ? (
        <button type="button" onClick={props.onClear} className="text-sm font-medium text-indigo-700 hover:underline">
          Clear all filters
        </button>
      ) : null}
      {PANEL_KEYS.map((key) => {
        const counts = props.facets?.[key] ?? [];
        const selected = props.selected[key] ?? [];
        const shown = [
          ...counts.slice(0, MAX_VALUES),
          ...selected
            .filter((v) => !counts.slice(0, MAX_VALUES).some((c) => c.value === v))
            .map((value) => ({ value, count: 0 })),
        ];
        if (shown.length === 0) return null;
        return (
          <fieldset key={key}>
            <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{LABELS[key]}</legend>
            <ul className="space-y-0.5">
              {shown.map(({ value, count }) => {
                const id = `facet-${key}-${value}`;
                return (
                  <li key={value} className="flex items-center gap-2 text-sm">
                    <input
                      id={id}
                      type="checkbox"
                      checked={selected.includes(value)}
                      onChange={() => props.onToggle(key, value)}
                      className="h-4 w-4 rounded border-slate-300 text-indigo-600"
                    />
                    <label htmlFor={id} className="flex flex-1 justify-between gap-2 truncate">
                      <span className="truncate">
                        {key === "owner" || key === "system" ? (props.names?.[value] ?? displayRef(value)) : value}
                      </span>
                      <span className="text-slate-400">{count}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </aside>
  );
}
