/** "component:default/payments" → its parts; refs from the API are always full and lowercase. */
export function splitRef(ref: string): { kind: string; namespace: string; name: string } {
  const colon = ref.indexOf(":");
  const slash = ref.indexOf("/", colon + 1);
  return { kind: ref.slice(0, colon), namespace: ref.slice(colon + 1, slash), name: ref.slice(slash + 1) };
}

export function entityHref(orgSlug: string, ref: string): string {
  const { kind, namespace, name } = splitRef(ref);
  return `/${orgSlug}/catalog/${encodeURIComponent(kind)}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}

/** How people read a ref: the namespace only when it is not the default one. */
export function displayRef(ref: string, opts: { withKind?: boolean } = {}): string {
  const { kind, namespace, name } = splitRef(ref);
  const base = namespace === "default" ? name : `${namespace}/${name}`;
  return opts.withKind ? `${kind}:${base}` : base;
}
