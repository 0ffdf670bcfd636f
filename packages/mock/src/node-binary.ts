import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

// Prism 5.16 needs Node 24.18+; the mock itself may run on an older Node, so Prism may run on another.
const MIN = [24, 18];

const newEnough = (version: string) => {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major > MIN[0]! || (major === MIN[0] && minor >= MIN[1]!);
};

/** A Node binary that can run Prism: $FEISHU_MOCK_NODE, this process's Node, or the `node` package. */
export function prismNode(): string {
  if (process.env.FEISHU_MOCK_NODE) return process.env.FEISHU_MOCK_NODE;
  if (newEnough(process.version)) return process.execPath;
  try {
    const bin = createRequire(import.meta.url).resolve('node/bin/node');
    if (existsSync(bin)) return bin;
  } catch {
    // fall through to the error below
  }
  throw new Error(
    `@feishu-task/mock: Prism needs Node ${MIN.join('.')}+ but this is Node ${process.version}, and the 'node' package is not installed. ` +
      'Install node@24 (npm i -D node@24) or set FEISHU_MOCK_NODE to a Node 24 binary.',
  );
}
