// Each tarball holds exactly the intended files (what `pnpm publish` would upload) and a manifest
// fit for npm: exports with types first, ESM, files allow-list, engines, license, repository,
// publishConfig with provenance, no workspace: protocol left.
import { execFileSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { type Published, published } from './packages.js';

const list = (tarball: string) =>
  execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((f) => f.replace(/^package\//, ''))
    .sort();
const manifest = (tarball: string) =>
  JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));

// Every file must match one of these; every pattern must match a file.
const intended: Record<Published, RegExp[]> = {
  '@feishu-task/openapi': [
    /^dist\/openapi\.(json|yaml|dereferenced\.json)$/,
    /^extensions\/[a-z0-9-]+\.schema\.json$/,
    /^CHANGELOG\.md$/,
  ],
  '@feishu-task/types': [
    /^dist\/(index|generated\/(openapi|tables|per-operation))\.(js|d\.ts)(\.map)?$/,
    /^src\/(index|generated\/(openapi|tables|per-operation))\.ts$/,
  ],
  '@feishu-task/client': [
    /^dist\/(index|core-entry|app-credentials|advice|raw|redis)\.js(\.map)?$/,
    /^dist\/operations\/(add-tasklist-members|add-task-collaborators|remove-task-collaborator)\.js(\.map)?$/,
    /^dist\/chunks\/chunk-[A-Z0-9]+\.js(\.map)?$/,
    /^dist\/([a-z-]+\/)?[a-z-]+\.d\.ts(\.map)?$/,
    /^src\/([a-z-]+\/)?[a-z-]+\.ts$/,
  ],
  '@feishu-task/platform': [/^dist\/[a-z-]+\.(js|d\.ts)(\.map)?$/, /^src\/[a-z-]+\.ts$/],
  '@feishu-task/mock': [
    /^dist\/[a-z-]+\.(js|d\.ts)(\.map)?$/,
    /^src\/[a-z-]+\.ts$/,
    /^bin\/feishu-task-mock\.js$/,
    /^runtime\/prism-watchdog\.cjs$/,
  ],
  '@feishu-task/emulator': [
    /^dist\/((operations|phases)\/)?[a-z-]+\.(js|d\.ts)(\.map)?$/,
    /^src\/((operations|phases)\/)?[a-z-]+\.ts$/,
    /^bin\/feishu-task-emulator\.js$/,
  ],
  '@feishu-task/conformance': [
    /^dist\/(scenarios\/)?[a-z-]+\.(js|d\.ts)(\.map)?$/,
    /^src\/(scenarios\/)?[a-z-]+\.ts$/,
    /^bin\/feishu-task-conformance\.js$/,
  ],
};
const always = ['LICENSE', 'README.md', 'package.json'];

describe.each(Object.keys(published) as Published[])('%s tarball', (name) => {
  it('holds exactly the intended files', () => {
    const files = list(inject('tarballs')[name]!);
    for (const f of always) expect(files).toContain(f);
    const rest = files.filter((f) => !always.includes(f));
    for (const f of rest)
      expect(
        intended[name].some((re) => re.test(f)),
        `${f} is not meant to be published`,
      ).toBe(true);
    for (const re of intended[name])
      expect(
        rest.some((f) => re.test(f)),
        `nothing matches ${re}`,
      ).toBe(true);
    expect(files.some((f) => /test|\.tsbuildinfo|node_modules|vitest/.test(f))).toBe(false);
  });

  it('has a manifest fit for npm', () => {
    const m = manifest(inject('tarballs')[name]!);
    expect(m).toMatchObject({
      name,
      type: 'module',
      license: 'MIT',
      // Each package's floor is one the consumer test runs (20) or below; the emulator states 20.16 (srvx's).
      engines: { node: expect.stringMatching(/^>=(20|20\.16)$/) },
      publishConfig: { access: 'public', provenance: true },
    });
    expect(m.repository).toMatchObject({ type: 'git', directory: published[name] });
    expect(m.private).toBeUndefined();
    expect(JSON.stringify(m)).not.toContain('workspace:');
    for (const entry of Object.values<any>(m.exports)) {
      if (typeof entry === 'object') expect(Object.keys(entry)[0], 'types condition comes first').toBe('types');
    }
    // The client's entries share esbuild chunks and import them for their module-level state (the registry
    // of operations, the process quota store): a bundler must keep those imports (else it warns), and
    // still drops what an app does not use.
    if (name === '@feishu-task/client') expect(m.sideEffects).toEqual(['./dist/chunks/*.js']);
    else if (name !== '@feishu-task/mock') expect(m.sideEffects).toBe(false);
  });
});
