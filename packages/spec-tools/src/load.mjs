// Reads the bundled spec that @feishu-task/openapi publishes. Resolution starts at the caller's module,
// so each package reads the spec it declares as a dependency and turbo sees that edge.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const FILES = { bundled: 'openapi.json', dereferenced: 'openapi.dereferenced.json' };

/** The path of a bundled spec file, resolved from `fromUrl` (pass `import.meta.url`). */
export function specPath(fromUrl, form = 'bundled') {
  const file = FILES[form];
  if (!file) throw new TypeError(`unknown spec form "${form}" (expected ${Object.keys(FILES).join(' or ')})`);
  try {
    return createRequire(fromUrl).resolve(`@feishu-task/openapi/${file}`);
  } catch (cause) {
    throw new Error(`cannot find @feishu-task/openapi/${file} from ${fromUrl}; run \`pnpm bundle\` first`, { cause });
  }
}

/**
 * The bundled spec. `form: 'dereferenced'` is Redocly's own dereferenced bundle (no `$ref` left), for
 * code that walks the document; `'bundled'` keeps the `$ref`s, for validators that resolve them.
 */
export function loadSpec(fromUrl, form = 'bundled') {
  const path = specPath(fromUrl, form);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new Error(`cannot read the bundled spec at ${path}; run \`pnpm bundle\` first`, { cause });
  }
}
