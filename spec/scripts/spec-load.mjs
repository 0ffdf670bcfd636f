// Loads an OpenAPI description for comparing: an entry file with the files it refers to, or a bundle
// (YAML or JSON, with or without $refs). A bundle's local $refs are resolved here; an entry file is
// bundled and dereferenced by Redocly first (with the nearest redocly.yaml, whose plugin types the spec's
// extensions).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';

const redocly = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');
const quiet = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

/** The nearest redocly.yaml at or above `dir`. */
export function findConfig(dir) {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, 'redocly.yaml'))) return join(d, 'redocly.yaml');
    if (dirname(d) === d) return undefined;
  }
}

/** Runs `redocly bundle` on `entry` (with `config`) into `out`. */
export function bundle(entry, out, config = findConfig(dirname(entry)), extra = []) {
  // config null: bundle without any redocly.yaml (not even one Redocly would find itself).
  const args = [redocly, 'bundle', entry, ...(config ? ['--config', config] : []), ...extra, '-o', out];
  execFileSync(process.execPath, args, { cwd: dirname(entry), encoding: 'utf8', env: quiet, stdio: 'pipe' });
  return out;
}

const firstError = (e) =>
  String(e.stderr ?? e.message)
    .split('\n')
    .find((l) => /error|cannot|not found/i.test(l))
    ?.trim() ?? e.message.split('\n')[0];

/**
 * The description at `file`, dereferenced, as a plain object. A redocly.yaml whose plugin cannot load
 * where the file is (an old checkout without node_modules) is left out: the bundle is the same but for
 * $refs inside extensions, which are resolved here.
 */
export function loadDescription(file, config = findConfig(dirname(resolve(file)))) {
  if (!existsSync(file)) throw new Error(`no such file: ${file}`);
  // A bundle (every $ref local) needs no bundler.
  const text = readFileSync(file, 'utf8');
  const doc = /\.json$/i.test(file) ? JSON.parse(text) : parse(text, { maxAliasCount: -1 });
  if (!hasExternalRef(doc)) return resolveLocalRefs(doc);
  const dir = mkdtempSync(join(tmpdir(), 'spec-load-'));
  const out = join(dir, 'openapi.json');
  try {
    try {
      bundle(resolve(file), out, config, ['--dereferenced']);
    } catch (e) {
      if (!config) throw new Error(`cannot bundle ${file}: ${firstError(e)}`);
      try {
        bundle(resolve(file), out, null, ['--dereferenced']);
      } catch (e2) {
        throw new Error(`cannot bundle ${file}: ${firstError(e2)}`);
      }
    }
    return resolveLocalRefs(JSON.parse(readFileSync(out, 'utf8')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hasExternalRef = (node) =>
  !!node &&
  typeof node === 'object' &&
  ((typeof node.$ref === 'string' && !node.$ref.startsWith('#')) || Object.values(node).some(hasExternalRef));

// A $ref Redocly left (inside an extension it does not type) is resolved against the document itself.
function resolveLocalRefs(doc) {
  const pointer = (ref) =>
    ref
      .slice(2)
      .split('/')
      .map((p) => decodeURIComponent(p).replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((node, key) => node?.[key], doc);
  const walk = (node, depth) => {
    if (!node || typeof node !== 'object' || depth > 64) return node;
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
      const { $ref, ...siblings } = node;
      const target = pointer($ref);
      if (target === undefined) throw new Error(`unresolved $ref ${$ref}`);
      // OpenAPI 3.1: a summary or description beside a $ref overrides the target's.
      return walk({ ...structuredClone(target), ...siblings }, depth + 1);
    }
    for (const [k, v] of Object.entries(node)) node[k] = walk(v, depth + 1);
    return node;
  };
  return walk(doc, 0);
}
