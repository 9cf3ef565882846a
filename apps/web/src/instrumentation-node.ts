import { env, EnvError } from "./env";

// A configuration mistake stops the process here with a message naming the variable,
// instead of surfacing later as a failed request.
try {
  env();
} catch (e) {
  if (!(e instanceof EnvError)) throw e;
  console.error(`\nStagedoor web cannot start. ${e.message}\n`);
  process.exit(1);
}
