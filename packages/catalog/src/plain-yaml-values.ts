// How the plain YAML reader (plain-yaml.ts) turns scalar text into values, as the `yaml`
// library's toJS({ json: true }) does with its default YAML 1.2 core schema; anything whose
// value the reader is not sure of abandons the file (bail), which then goes to the library.

// Thrown (preallocated, so no stack is captured) to abandon reading; caught in readPlainYaml.
export const NOT_PLAIN = new Error("outside the plain YAML subset");

export function bail(): never {
  throw NOT_PLAIN;
}

/** Folded scalar lines: a line break between two lines becomes a space; blank lines stay. */
export function fold(lines: string[]): string {
  let value = lines[0] ?? "";
  let blanks = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") {
      blanks++;
      continue;
    }
    value += blanks === 0 ? ` ${line}` : "\n".repeat(blanks) + line;
    blanks = 0;
  }
  return value;
}

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const NON_DECIMAL = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;

/** A plain scalar as yaml 2's core schema resolves it for toJS({ json: true }). */
export function resolvePlain(source: string): unknown {
  const first = source.charCodeAt(0);
  // A digit, +, - or .
  const numeric = (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e;
  if (numeric) {
    if (INT.test(source)) {
      const value = parseInt(source, 10);
      if (!Number.isSafeInteger(value) || Object.is(value, -0)) bail();
      return value;
    }
    if (FLOAT.test(source)) {
      const value = parseFloat(source);
      if (!Number.isFinite(value) || Object.is(value, -0)) bail();
      return value;
    }
    if (NON_DECIMAL.test(source)) bail();
    return source;
  }
  if (first === 0x7e || first === 0x6e || first === 0x4e) return NULL.test(source) ? null : source; // ~ n N
  if (first === 0x74 || first === 0x54 || first === 0x66 || first === 0x46) {
    // t T f F
    return BOOL.test(source) ? source.charCodeAt(0) === 0x74 || source.charCodeAt(0) === 0x54 : source;
  }
  return source;
}
