import { safeLinkHref } from "../lib/safe-link";

/**
 * A URL from an entity descriptor (metadata.links, annotations): a link when its scheme
 * is http, https or mailto, plain text otherwise.
 */
export function EntityLink({ url, title }: { url: unknown; title?: unknown }) {
  const text = typeof title === "string" && title ? title : String(url);
  const href = safeLinkHref(url);
  if (!href) {
    return (
      <span className="break-all text-slate-700" title="Not shown as a link: only http, https and mailto links are.">
        {text}
      </span>
    );
  }
  return (
    <a href={href} target="_blank" rel="noreferrer noopener" className="text-indigo-700 hover:underline">
      {text}
    </a>
  );
}
