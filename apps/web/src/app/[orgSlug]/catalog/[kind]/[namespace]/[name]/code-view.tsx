"use client";

import hljs from "highlight.js/lib/core";
import graphql from "highlight.js/lib/languages/graphql";
import protobuf from "highlight.js/lib/languages/protobuf";
import yaml from "highlight.js/lib/languages/yaml";
import json from "highlight.js/lib/languages/json";
import "highlight.js/styles/github.css";
import "./code-view.css";

hljs.registerLanguage("graphql", graphql);
hljs.registerLanguage("protobuf", protobuf);
hljs.registerLanguage("yaml", yaml);
hljs.registerLanguage("json", json);

export type CodeLanguage = "graphql" | "protobuf" | "yaml" | "json" | "plaintext";

/**
 * A definition as highlighted text. highlight.js escapes the source before it adds its
 * spans, so the HTML it returns carries no markup from the definition itself.
 */
export function CodeView({ code, language, label }: { code: string; language: CodeLanguage; label: string }) {
  const html = language === "plaintext" ? null : hljs.highlight(code, { language, ignoreIllegals: true }).value;
  return (
    <pre
      className="max-h-[70vh] overflow-auto rounded-md bg-white p-4 text-xs leading-relaxed ring-1 ring-slate-200"
      aria-label={label}
      tabIndex={0}
    >
      {html === null ? (
        <code>{code}</code>
      ) : (
        <code className={`hljs language-${language}`} dangerouslySetInnerHTML={{ __html: html }} />
      )}
    </pre>
  );
}
