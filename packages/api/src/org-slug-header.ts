// Its own module because both the browser entry (client.ts) and the server context need
// it, and client.ts imports the router's type: importing it from there would be a cycle.
/** The header that names the org a request is for (its URL slug); only a claim until checked. */
export const ORG_SLUG_HEADER = "x-stagedoor-org";
