"use client";

import SwaggerUI from "swagger-ui-react";
import "swagger-ui-react/swagger-ui.css";
import "./openapi-view.css";

/**
 * OpenAPI (and Swagger 2) rendered by swagger-ui, from the definition in the entity: no URL
 * is fetched, "Try it out" is off (requests from the portal to the customer's API are not
 * this page's job), and no remote fonts or scripts are loaded.
 */
export default function OpenApiView({ definition }: { definition: string }) {
  return (
    <div className="openapi-view -mx-2" data-testid="openapi-definition">
      <SwaggerUI spec={definition} supportedSubmitMethods={[]} docExpansion="list" defaultModelsExpandDepth={0} />
    </div>
  );
}
