// What Stagedoor uses of @kubernetes/client-node, imported only through loadClientNode()
// (client.ts). A dynamic import of this local module, not of the package itself: bundlers
// split it into its own chunk and keep the package's own import as they always have.
export {
  ApiException,
  AppsV1Api,
  AutoscalingV2Api,
  BatchV1Api,
  CoreV1Api,
  createConfiguration,
  KubeConfig,
  NetworkingV1Api,
  ResponseContext,
  ServerConfiguration,
  VersionApi,
  wrapHttpLibrary,
} from "@kubernetes/client-node";
