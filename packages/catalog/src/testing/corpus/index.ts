import type { CorpusCase } from "./corpus-case";
import { envelopeCases } from "./envelope-cases";
import { metadataCases } from "./metadata-cases";
import { refCases } from "./ref-cases";
import { specCases } from "./spec-cases";
import { templateCases } from "./template-cases";
import { multiDocumentCases, yamlCases } from "./yaml-cases";

export type { CorpusCase } from "./corpus-case";

/**
 * Descriptor files, valid and invalid, generated field by field: every kind with and
 * without each required field, wrong types, name/namespace/label/tag/link boundaries,
 * apiVersion/kind mismatches, relation refs, Template variants, placeholders and raw YAML.
 * Verdicts are not stored here: the agreement test asks Backstage's own code.
 */
export function buildCorpus(): CorpusCase[] {
  return [
    ...specCases(),
    ...templateCases(),
    ...metadataCases(),
    ...envelopeCases(),
    ...refCases(),
    ...yamlCases(),
    ...multiDocumentCases(),
  ];
}
