import { describe, it, expect } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { safeLinkHref } from "./safe-link";
import { EntityLink } from "../components/entity-link";

describe("safeLinkHref", () => {
  it.each([
    ["https://example.com/docs", "https://example.com/docs"],
    ["http://example.com", "http://example.com/"],
    ["HTTPS://Example.com/a b", "https://example.com/a%20b"],
    ["mailto:team@example.com", "mailto:team@example.com"],
  ])("keeps %s as a link (%s)", (url, href) => {
    expect(safeLinkHref(url)).toBe(href);
  });

  it.each([
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u0001javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "blob:https://example.com/x",
    "/relative/path",
    "//example.com/protocol-relative",
    "not a url",
    "",
    42,
    null,
    undefined,
  ])("renders %j as plain text", (url) => {
    expect(safeLinkHref(url)).toBeNull();
  });
});

describe("EntityLink", () => {
  const html = (url: unknown, title?: string) => renderToStaticMarkup(createElement(EntityLink, { url, title }));

  it("renders http(s) and mailto URLs as links", () => {
    expect(html("https://example.com/runbook", "Runbook")).toMatch(
      /^<a href="https:\/\/example.com\/runbook"[^>]*>Runbook<\/a>$/,
    );
  });

  it("renders other schemes as text, with no href anywhere", () => {
    const out = html("javascript:alert(1)", "Click me");
    expect(out).not.toMatch(/<a\b|href=/);
    expect(out).toMatch(/>Click me<\/span>$/);
    expect(html("data:text/html,x")).toMatch(/>data:text\/html,x<\/span>$/);
  });
});
