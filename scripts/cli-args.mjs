// Argument parsing shared by the repository's entry points: `--help` prints the usage and exits 0; an
// unknown or malformed flag prints one line and the usage, and exits 2.
import { parseArgs } from 'node:util';

export function cliArgs(name, usage, options) {
  let values;
  try {
    ({ values } = parseArgs({ options: { ...options, help: { type: 'boolean' } } }));
  } catch (error) {
    console.error(`${name}: ${error.message}\n\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return values;
}
