// The source tree (spec/openapi.yaml and the files it refers to) is valid on its own by JSON Reference
// rules, as standard tools read it: swagger-parser validates and dereferences it, Spectral finds no
// invalid-ref; and the bundles keep the README's promise (the dereferenced one has no $ref left).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';

const specDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('@stoplight/spectral-cli/package.json')), 'dist/index.js');

type Finding = { code: string; path: string[]; message: string };
function spectral(entry: string): Finding[] {
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [cli, 'lint', entry, '--ruleset', join(specDir, '.spectral.yaml'), '-f', 'json', '--quiet'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (e: any) {
    out = e.stdout;
  }
  return JSON.parse(out.slice(out.indexOf('[')));
}

const refsIn = (value: unknown, at = ''): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => (k === '$ref' ? [`${at}: ${v}`] : refsIn(v, `${at}/${k}`)))
    : [];

// A copy of the source tree, so a test can break one file.
function copyOfSource(): string {
  const dir = mkdtempSync(join(tmpdir(), 'spec-source-'));
  for (const part of ['openapi.yaml', 'paths', 'components'])
    cpSync(join(specDir, part), join(dir, part), { recursive: true });
  return dir;
}

describe('the source tree by JSON Reference rules', () => {
  it('swagger-parser validates and fully dereferences spec/openapi.yaml', async () => {
    await SwaggerParser.validate(join(specDir, 'openapi.yaml'));
    const api = await SwaggerParser.dereference(join(specDir, 'openapi.yaml'));
    expect(refsIn(api)).toEqual([]);
  });

  it('swagger-parser fails a component file that points into itself for a component of the entry', async () => {
    const dir = copyOfSource();
    try {
      const file = join(dir, 'components/gateway-responses.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('$ref: headers.yaml#/X-Tt-Logid', "$ref: '#/components/headers/X-Tt-Logid'"),
      );
      await expect(SwaggerParser.validate(join(dir, 'openapi.yaml'))).rejects.toThrow(/Missing \$ref pointer/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Spectral (oas ruleset) on spec/openapi.yaml: no invalid-ref, only its known false positives', () => {
    const findings = spectral(join(specDir, 'openapi.yaml'));
    expect(findings.filter((f) => f.code === 'invalid-ref')).toEqual([]);
    // Two findings remain that are Spectral's, not the spec's (the bundles have neither, spectral.test.ts):
    // - oas3-schema "must not have unevaluated properties" on each path item that is a $ref: Spectral's
    //   3.1 schema does not allow a Reference there, though OpenAPI 3.1 does
    //   (https://github.com/stoplightio/spectral/issues/2655, fix proposed in pull request 2844);
    // - oas3-unused-component on the entry's components: the path files reach them by file reference
    //   (../components/...), which Spectral does not count as a use
    //   (https://github.com/stoplightio/spectral/issues/2571).
    const pathItems = findings.filter((f) => f.code === 'oas3-schema');
    expect(pathItems.map((f) => f.path.join('.')).sort()).toEqual(
      Object.keys(JSON.parse(readFileSync(join(specDir, 'dist/openapi.json'), 'utf8')).paths)
        .map((p) => `paths.${p}`)
        .sort(),
    );
    expect(pathItems.every((f) => /unevaluated properties/.test(f.message))).toBe(true);
    const other = findings.filter((f) => !['oas3-schema', 'oas3-unused-component'].includes(f.code));
    expect(other.map((f) => `${f.code} ${f.path.join('.')}: ${f.message}`)).toEqual([]);
    for (const f of findings.filter((f) => f.code === 'oas3-unused-component')) expect(f.path[0]).toBe('components');
  });

  it('Spectral reports invalid-ref for a component file that points into itself', () => {
    const dir = copyOfSource();
    try {
      const file = join(dir, 'components/gateway-responses.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          '$ref: schemas/ErrorEnvelope.yaml',
          "$ref: '#/components/schemas/ErrorEnvelope'",
        ),
      );
      expect(spectral(join(dir, 'openapi.yaml')).map((f) => f.code)).toContain('invalid-ref');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the bundles', () => {
  it('openapi.dereferenced.json has no $ref left (as the README says)', () => {
    const spec = JSON.parse(readFileSync(join(specDir, 'dist/openapi.dereferenced.json'), 'utf8'));
    expect(refsIn(spec)).toEqual([]);
  });

  it('every $ref of openapi.json points into the bundle itself', () => {
    const spec = JSON.parse(readFileSync(join(specDir, 'dist/openapi.json'), 'utf8'));
    const pointer = (ref: string) =>
      ref
        .slice(2)
        .split('/')
        .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
        .reduce<any>((node, key) => node?.[key], spec);
    const bad = refsIn(spec).filter((r) => {
      const ref = r.slice(r.indexOf(': ') + 2);
      return !ref.startsWith('#/') || pointer(ref) === undefined;
    });
    expect(bad).toEqual([]);
  });
});
