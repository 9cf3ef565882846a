import { AppError } from "../../errors";
import type { AnyIntegrationProvider } from "../provider";
import { costProvider } from "./cost";
import { githubProvider } from "./github";
import { kubernetesProvider } from "./kubernetes";

/**
 * Every integration provider, by kind. Adding one is a folder beside github/ and one line
 * here; nothing else in integrations/ names a provider.
 */
export const providers: Readonly<Record<string, AnyIntegrationProvider>> = {
  [githubProvider.kind]: githubProvider,
  [costProvider.kind]: costProvider,
  [kubernetesProvider.kind]: kubernetesProvider,
};

export const providerFor = (kind: string): AnyIntegrationProvider | undefined =>
  Object.hasOwn(providers, kind) ? providers[kind] : undefined;

/** The provider of a stored integration; an unknown kind (a provider since removed) is not found. */
export function requireProvider(kind: string): AnyIntegrationProvider {
  const provider = providerFor(kind);
  if (!provider) throw new AppError("NOT_FOUND", "Integration not found.");
  return provider;
}
