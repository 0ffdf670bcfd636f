// `pnpm spec:diff <old> <new>`: the changes between two descriptions (entry files or bundles, YAML or
// JSON), each with its level and rule, and as the last line the release level they need together:
// major, minor, patch or none. The rules are the spec's promises (spec/README.md, "Versions and changes").
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diffSpecs, LEVELS } from '@feishu-task/spec-tools';
import { loadDescription } from './spec-load.mjs';

/** The rated changes from the description at `oldFile` to the one at `newFile`. */
export function diffFiles(oldFile, newFile) {
  return diffSpecs(loadDescription(oldFile), loadDescription(newFile));
}

/** One line per change, biggest first. */
export function formatChanges(changes) {
  return [...changes]
    .sort((x, y) => LEVELS.indexOf(y.level) - LEVELS.indexOf(x.level))
    .map((c) => `${c.level.padEnd(5)}  ${c.rule}  ${c.where}: ${c.message}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.length !== 2 || args.some((a) => a.startsWith('-'))) {
    console.error('usage: pnpm spec:diff <old> <new>   (entry files or bundles, YAML or JSON)');
    process.exit(2);
  }
  try {
    // pnpm runs a root script in the root; INIT_CWD is where it was typed.
    const from = process.env.INIT_CWD ?? process.cwd();
    const { level, changes } = diffFiles(resolve(from, args[0]), resolve(from, args[1]));
    for (const line of formatChanges(changes)) console.log(line);
    console.log(level);
  } catch (error) {
    console.error(`spec:diff: ${error.message.split('\n')[0]}`);
    process.exit(2);
  }
}
