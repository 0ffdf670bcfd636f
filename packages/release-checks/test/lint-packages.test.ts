// publint and @arethetypeswrong/cli on the packed tarballs: zero findings.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { describe, expect, inject, it } from 'vitest';
import { type Published, published } from './packages.js';

const require = createRequire(import.meta.url);
const attwBin = join(dirname(require.resolve('@arethetypeswrong/cli/package.json')), 'dist/index.js');

describe.each(Object.keys(published) as Published[])('%s', (name) => {
  it('publint: no errors, warnings or suggestions', async () => {
    const tarball = readFileSync(inject('tarballs')[name]!);
    const { messages, pkg } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
      level: 'suggestion',
      strict: true,
    });
    expect(messages.map((m) => formatMessage(m, pkg) ?? m.code)).toEqual([]);
  });
});

describe.each((Object.keys(published) as Published[]).filter((name) => name !== '@feishu-task/openapi'))(
  '%s',
  (name) => {
    // The packages are ESM only (Node 18+), so attw's esm-only profile applies: it ignores the node16
    // CommonJS resolution (where `require()` of an ES module is the expected outcome) and nothing else.
    it('attw: no problems (ESM-only profile)', () => {
      let out: string;
      let exitCode = 0;
      try {
        out = execFileSync(
          process.execPath,
          [attwBin, inject('tarballs')[name]!, '--profile', 'esm-only', '--format', 'json'],
          { encoding: 'utf8' },
        );
      } catch (e: any) {
        out = e.stdout;
        exitCode = e.status;
      }
      const report = JSON.parse(out);
      const problems = Object.values<any[]>(report.problems ?? {}).flat();
      expect(problems.filter((p) => p.resolutionKind !== 'node16-cjs')).toEqual([]);
      expect(exitCode).toBe(0);
      expect(Object.keys(report.analysis.entrypoints)).toContain('.');
    });
  },
);

describe('@feishu-task/openapi', () => {
  it('attw: the spec package ships data, no types to check', () => {
    const out = execFileSync(
      process.execPath,
      [attwBin, inject('tarballs')['@feishu-task/openapi']!, '--profile', 'esm-only'],
      { encoding: 'utf8' },
    );
    expect(out).toContain('This package does not contain types.');
  });
});
