// The field formats Backstage's FieldFormatEntityPolicy enforces (its default validators,
// themselves Kubernetes naming rules), each with the rule in words for error messages.

const OBJECT_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_LABEL = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;
const KIND = /^[a-zA-Z][a-z0-9A-Z]*$/;
const VERSION = /^[a-z0-9A-Z]+$/;
// Backstage's default tag validator also allows ':' (the older one in CommonValidatorFunctions
// does not); the catalog uses the default.
const TAG = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;

export const RULES = {
  name: "1-63 characters of [A-Za-z0-9-_.], starting and ending with a letter or digit",
  namespace: "1-63 characters of lowercase [a-z0-9-], starting and ending with a letter or digit",
  kind: "1-63 letters and digits, starting with a letter",
  apiVersion:
    "a version of 1-63 letters and digits, optionally after a lowercase DNS prefix and '/' " +
    "(e.g. backstage.io/v1alpha1)",
  key:
    "a name of 1-63 characters of [A-Za-z0-9-_.] starting and ending with a letter or digit, " +
    "optionally after a lowercase DNS prefix and '/' (e.g. example.com/team)",
  labelValue: "empty, or 1-63 characters of [A-Za-z0-9-_.] starting and ending with a letter or digit",
  tag: "1-63 characters of lowercase [a-z0-9:+#], in groups joined by single dashes",
  url: "an absolute URL such as https://example.com/dashboard",
  nonBlank: "a string with at least one non-space character",
} as const;

const bounded = (value: string, max: number): boolean => value.length >= 1 && value.length <= max;

export function isValidObjectName(value: string): boolean {
  return bounded(value, 63) && OBJECT_NAME.test(value);
}

export function isValidDnsLabel(value: string): boolean {
  return bounded(value, 63) && DNS_LABEL.test(value);
}

export function isValidDnsSubdomain(value: string): boolean {
  return bounded(value, 253) && value.split(".").every(isValidDnsLabel);
}

export const isValidNamespace = isValidDnsLabel;

export function isValidKind(value: string): boolean {
  return bounded(value, 63) && KIND.test(value);
}

/** `<suffix>` or `<prefix>/<suffix>`; more than one slash is never valid. */
function isPrefixedName(value: string, isValidSuffix: (part: string) => boolean): boolean {
  const parts = value.split("/");
  if (parts.length === 1) return isValidSuffix(parts[0] ?? "");
  if (parts.length === 2) return isValidDnsSubdomain(parts[0] ?? "") && isValidSuffix(parts[1] ?? "");
  return false;
}

export function isValidApiVersion(value: string): boolean {
  return isPrefixedName(value, (version) => bounded(version, 63) && VERSION.test(version));
}

/** Label and annotation keys follow the same rule. */
export function isValidKey(value: string): boolean {
  return isPrefixedName(value, isValidObjectName);
}

export function isValidLabelValue(value: string): boolean {
  return value === "" || isValidObjectName(value);
}

export function isValidTag(value: string): boolean {
  return bounded(value, 63) && TAG.test(value);
}

export function isValidUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export function isNonBlank(value: string): boolean {
  return value.trim().length >= 1;
}
