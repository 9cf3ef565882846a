export type Args = { positional: string[]; flags: Record<string, string | boolean> };

/** `--name value`, `--name=value` and boolean `--flag`; the boolean flags are listed. */
const BOOLEAN = new Set(["json", "dry-run", "help"]);

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-h") flags.help = true;
    else if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (BOOLEAN.has(name)) flags[name] = inline === undefined ? true : inline !== "false";
      else flags[name] = inline ?? argv[++i] ?? "";
    } else positional.push(arg);
  }
  return { positional, flags };
}
