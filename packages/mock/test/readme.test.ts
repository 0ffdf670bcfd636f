// The README stays true: its error table is generated from the spec. (The client README's examples are
// tested in the client package.)
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { render } from '../scripts/readme-table.mjs';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('README', () => {
  it('the mock README error table matches the spec', () => {
    const readme = readFileSync(join(pkg, 'README.md'), 'utf8');
    expect(render(readme)).toBe(readme);
    expect(readme).toContain('`Prefer: code=404, example=TasklistNotFound`');
  });
});
