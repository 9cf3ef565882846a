"use client";

import type { EntityFacets } from "@stagedoor/core/catalog-types";

export const DEFAULT_KIND = "component";
/** The URL value for "every kind" (no kind in the URL means the default, Components). */
export const ALL_KINDS = "all";

/** One kind at a time, as in Backstage; counts from the facets without the kind filter. */
export function KindPicker(props: { value: string; kinds: EntityFacets["kind"]; onChange: (kind: string) => void }) {
  const kinds = props.kinds ?? [];
  const known = kinds.some((k) => k.value.toLowerCase() === props.value) || props.value === ALL_KINDS;
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      Kind
      <select
        aria-label="Kind"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className="rounded-md border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300"
      >
        <option value={ALL_KINDS}>All kinds</option>
        {known ? null : <option value={props.value}>{props.value}</option>}
        {kinds.map((k) => (
          <option key={k.value} value={k.value.toLowerCase()}>
            {k.value} ({k.count})
          </option>
        ))}
      </select>
    </label>
  );
}
