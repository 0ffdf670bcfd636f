import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Prism's version and the Node versions it declares (its package.json `engines.node`). */
export function prismEngine(): { version: string; range: string; min: number[] } {
  const pkg = JSON.parse(readFileSync(require.resolve('@stoplight/prism-cli/package.json'), 'utf8'));
  const range = String(pkg.engines?.node ?? '>=0');
  const min = (/(\d+)\.(\d+)\.(\d+)/.exec(range)?.slice(1) ?? ['0', '0', '0']).map(Number);
  return { version: pkg.version, range, min };
}

/** The Nodes the mock is tested on: its own package.json `engines.node` (the consumer matrix runs them). */
export function mockEngine(): { range: string; min: number[] } {
  const pkg = JSON.parse(readFileSync(require.resolve('../package.json'), 'utf8'));
  const range = String(pkg.engines?.node ?? '>=0');
  const min = (/(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(range)?.slice(1) ?? ['0']).map((n) => Number(n ?? 0));
  return { range, min };
}

export const satisfies = (version: string, min: number[]) => {
  const v = version.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((v[i] ?? 0) !== (min[i] ?? 0)) return (v[i] ?? 0) > (min[i] ?? 0);
  return true;
};

export class NodeTooOldError extends Error {
  override name = 'NodeTooOldError';
}

/**
 * The Node that runs Prism: $FEISHU_MOCK_NODE when set, else this process's Node when the mock is tested
 * on it (Prism runs on the Node it is given: its own `engines` is stricter than what it needs, see the
 * README). Otherwise an error that says exactly what to do; the mock never downloads a Node itself.
 */
export function prismNode(): string {
  if (process.env.FEISHU_MOCK_NODE) return process.env.FEISHU_MOCK_NODE;
  const { range, min } = mockEngine();
  if (satisfies(process.version, min)) return process.execPath;
  throw new NodeTooOldError(
    [
      `@feishu-task/mock runs Prism on Node ${range} (tested on 20, 22 and 24), and this process runs Node ${process.version}. Either:`,
      `  - run Prism on a newer Node: FEISHU_MOCK_NODE="$(npx -y node@22 -p process.execPath)" <your test command>`,
      '  - or run the whole test command on a newer Node: npx -y node@22 ./node_modules/.bin/vitest run',
      '  - or use @feishu-task/emulator, which answers in process and needs no subprocess.',
    ].join('\n'),
  );
}
