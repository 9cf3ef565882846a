import {
  isNonBlank,
  isValidKey,
  isValidLabelValue,
  isValidNamespace,
  isValidObjectName,
  isValidTag,
  isValidUrl,
  RULES,
} from "./format-rules";
import { showValue } from "./issues";
import { checkShape, isObject, type Shape, type ShapeContext } from "./shape";

const text: Shape = { type: "string", nonEmpty: true };
const stringMap: Shape = { type: "object", additional: { type: "string" } };

// EntityMeta.schema.json minus name and namespace, which the envelope checks first.
// metadata.annotations is checked apart: Backstage replaces a falsy value before validating.
const METADATA: Shape = {
  type: "object",
  properties: {
    uid: text,
    etag: text,
    title: text,
    description: { type: "string" },
    labels: stringMap,
    tags: { type: "array", items: text },
    links: {
      type: "array",
      items: {
        type: "object",
        required: ["url"],
        properties: { url: text, title: text, icon: text, type: text },
        hint: "a mapping with a url",
      },
    },
  },
};

const has = (object: Record<string, unknown>, key: string): boolean => Object.hasOwn(object, key);

/** Schema and field-format rules for `metadata`; name and namespace formats included. */
export function checkMetadata(metadata: Record<string, unknown>, ctx: ShapeContext): void {
  const { issues } = ctx;
  const { name, namespace, labels, annotations, tags, links } = metadata;
  checkShape(metadata, METADATA, ["metadata"], ctx);

  if (typeof name === "string" && name && !isValidObjectName(name)) {
    issues.add(["metadata", "name"], "invalid-format", `${showValue(name)} is not a valid name`, RULES.name);
  }
  if (typeof namespace === "string" && namespace && !isValidNamespace(namespace)) {
    issues.add(
      ["metadata", "namespace"],
      "invalid-format",
      `${showValue(namespace)} is not a valid namespace`,
      RULES.namespace,
    );
  }
  if (has(metadata, "labels") && isObject(labels) && !ctx.resolverOf.has(labels)) {
    checkKeyedStrings("labels", labels, ctx);
  }
  // Backstage's location step turns a falsy value (null, false, 0, "") into an empty mapping.
  if (has(metadata, "annotations") && annotations) {
    checkShape(annotations, stringMap, ["metadata", "annotations"], ctx);
    if (isObject(annotations)) checkKeyedStrings("annotations", annotations, ctx);
  }
  if (has(metadata, "tags") && Array.isArray(tags)) {
    tags.forEach((tag, i) => {
      if (typeof tag === "string" && tag && !isValidTag(tag)) {
        issues.add(["metadata", "tags", i], "invalid-format", `${showValue(tag)} is not a valid tag`, RULES.tag);
      }
    });
  }
  if (has(metadata, "links") && Array.isArray(links)) {
    links.forEach((link, i) => {
      if (isObject(link)) checkLinkFormats(link, i, ctx);
    });
  }
}

function checkKeyedStrings(field: "labels" | "annotations", values: Record<string, unknown>, ctx: ShapeContext): void {
  for (const [key, value] of Object.entries(values)) {
    const at = ["metadata", field, key];
    if (!isValidKey(key)) {
      ctx.issues.add(
        at,
        "invalid-format",
        `${showValue(key)} is not a valid ${field.slice(0, -1)} key`,
        RULES.key,
        "key",
      );
    }
    if (field === "labels" && typeof value === "string" && !isValidLabelValue(value)) {
      ctx.issues.add(at, "invalid-format", `${showValue(value)} is not a valid label value`, RULES.labelValue);
    }
  }
}

function checkLinkFormats(link: Record<string, unknown>, i: number, ctx: ShapeContext): void {
  const { url, title, icon } = link;
  if (typeof url === "string" && url && !isValidUrl(url)) {
    ctx.issues.add(
      ["metadata", "links", i, "url"],
      "invalid-format",
      `${showValue(url)} is not a valid URL`,
      RULES.url,
    );
  }
  for (const [key, value] of [
    ["title", title],
    ["icon", icon],
  ] as const) {
    if (typeof value === "string" && value && !isNonBlank(value)) {
      ctx.issues.add(["metadata", "links", i, key], "invalid-format", "is blank", RULES.nonBlank);
    }
  }
}
