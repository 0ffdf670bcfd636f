import type { IndexedOperation } from './spec-index.js';

/**
 * Checks a Prism `Prefer` header (`code=400, example=InvalidTaskId`) against what the operation
 * documents. Returns why it cannot be served, or undefined when Prism can serve it.
 */
export function preferProblem(prefer: string, op: IndexedOperation): string | undefined {
  const pairs = new Map<string, string>();
  for (const part of prefer.split(/[,;]/)) {
    const [key, ...rest] = part.split('=');
    if (key?.trim()) pairs.set(key.trim().toLowerCase(), rest.join('=').trim().replace(/^"|"$/g, ''));
  }
  const code = pairs.get('code');
  const example = pairs.get('example');
  const documented = () =>
    [...op.examplesByStatus].flatMap(([status, names]) => names.map((n) => `code=${status}, example=${n}`)).join('; ');
  if (code !== undefined && !(/^\d{3}$/.test(code) && op.statuses.has(Number(code))))
    return `Prefer names HTTP ${code}, which ${op.id} does not document; it documents: ${documented()}`;
  if (example !== undefined) {
    // Without a code Prism picks the example among the success answer's.
    const status = code === undefined ? Math.min(...[...op.statuses].filter((s) => s < 300)) : Number(code);
    const names = op.examplesByStatus.get(status) ?? [];
    if (!names.includes(example))
      return `Prefer names example "${example}"${code ? ` under HTTP ${code}` : ''}, which ${op.id} does not document; it documents: ${documented()}`;
  }
  return undefined;
}
