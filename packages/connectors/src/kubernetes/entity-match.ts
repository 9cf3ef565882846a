/** The annotations Backstage uses to tie a catalog entity to its Kubernetes objects. */
export const KUBERNETES_ID_ANNOTATION = "backstage.io/kubernetes-id";
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION = "backstage.io/kubernetes-label-selector";
export const KUBERNETES_NAMESPACE_ANNOTATION = "backstage.io/kubernetes-namespace";
/** The label an object carries to belong to the entity whose kubernetes-id it names. */
export const KUBERNETES_ID_LABEL = "backstage.io/kubernetes-id";

export type EntityMatcher =
  | { type: "id"; id: string; namespace: string | null }
  | { type: "selector"; selector: string; namespace: string | null };

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * How Backstage matches an entity: `backstage.io/kubernetes-label-selector` when present,
 * else objects labelled `backstage.io/kubernetes-id=<annotation>`; either narrowed to
 * `backstage.io/kubernetes-namespace`. Invalid values come back as a reason, not a matcher.
 */
export function matcherOf(annotations: Record<string, string> | undefined): EntityMatcher | { error: string } | null {
  const a = annotations ?? {};
  const namespaceRaw = a[KUBERNETES_NAMESPACE_ANNOTATION]?.trim();
  if (namespaceRaw !== undefined && namespaceRaw !== "" && !NAMESPACE.test(namespaceRaw)) {
    return { error: `${KUBERNETES_NAMESPACE_ANNOTATION} "${namespaceRaw}" is not a valid namespace name.` };
  }
  const namespace = namespaceRaw || null;
  const selector = a[KUBERNETES_LABEL_SELECTOR_ANNOTATION]?.trim();
  if (selector) return { type: "selector", selector, namespace };
  const id = a[KUBERNETES_ID_ANNOTATION]?.trim();
  if (id === undefined || id === "") return null;
  if (id.length > 63 || !LABEL_VALUE.test(id)) {
    return {
      error: `${KUBERNETES_ID_ANNOTATION} "${id}" is not a valid label value (63 characters of letters, digits, "-", "_", ".").`,
    };
  }
  return { type: "id", id, namespace };
}
