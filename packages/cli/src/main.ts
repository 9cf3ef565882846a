import { parseArgs } from "./args";
import { validateCommand } from "./validate";
import { pushCommand } from "./push";

const USAGE = `Usage:
  stagedoor catalog validate <files...> [--json]
      Check catalog-info.yaml files offline against Backstage's rules.
      Exit code 1 when any document is invalid.
  stagedoor catalog push <files...> --url URL --token TOKEN [--source NAME] [--dry-run] [--json]
      Import the files into a Stagedoor catalog as one source (entities the source no
      longer contains become orphans). TOKEN is an org API token with catalog:write.
`;

/** Returns the process exit code: 0 ok, 1 invalid input or refused import, 2 usage error. */
export type Io = { out: NodeJS.WritableStream; err: NodeJS.WritableStream };

export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const args = parseArgs(argv);
  const [group, command, ...files] = args.positional;
  if (args.flags.help || group !== "catalog" || !command) {
    (args.flags.help ? io.out : io.err).write(USAGE);
    return args.flags.help ? 0 : 2;
  }
  if (files.length === 0) {
    io.err.write(`stagedoor catalog ${command}: name at least one file\n\n${USAGE}`);
    return 2;
  }
  if (command === "validate") return validateCommand(files, { json: Boolean(args.flags.json) }, io);
  if (command === "push") return pushCommand(files, args.flags, io);
  io.err.write(`Unknown command "catalog ${command}"\n\n${USAGE}`);
  return 2;
}
