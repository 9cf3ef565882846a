"use client";

import dynamic from "next/dynamic";
import type { EntityDetail } from "@stagedoor/core/catalog-types";
import { Card, Spinner } from "@/components/ui";
import { AsyncApiView } from "./asyncapi-view";
import { CodeView } from "./code-view";

// swagger-ui reads window on load and is large: only API pages load it, in the browser.
const OpenApiView = dynamic(() => import("./openapi-view"), {
  ssr: false,
  loading: () => <Spinner label="Rendering the definition" />,
});

/** An API's definition, by its spec.type, as Backstage's API docs plugin shows them. */
export function ApiDefinition({ entity: e }: { entity: EntityDetail }) {
  const definition = typeof e.entity.spec?.definition === "string" ? e.entity.spec.definition : "";
  const type = (e.type ?? "").toLowerCase();
  const view =
    type === "openapi" ? (
      <OpenApiView definition={definition} />
    ) : type === "asyncapi" ? (
      <AsyncApiView definition={definition} />
    ) : type === "graphql" ? (
      <CodeView code={definition} language="graphql" label="GraphQL schema" />
    ) : type === "grpc" ? (
      <CodeView code={definition} language="protobuf" label="Protocol Buffers definition" />
    ) : (
      <CodeView code={definition} language="plaintext" label={`${e.type ?? "API"} definition`} />
    );
  return (
    <Card title="Definition" description={e.type ? `Type: ${e.type}` : undefined}>
      {definition.trim() ? view : <p className="text-sm text-slate-600">This API has an empty definition.</p>}
    </Card>
  );
}
