// Schemas compared by the spec's promises: requests are exact (narrowing refuses a request that was
// valid: major; widening: minor), responses are tolerant (tightening rejects an answer the server may
// send: major; loosening: minor), open enums stay open, and a request default is part of the contract.
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const types = (s) => new Set([s?.type ?? []].flat());
const minus = (a, b) => [...a].filter((x) => !b.has(x));

const MAX = ['maxItems', 'maxLength', 'maximum', 'exclusiveMaximum', 'maxProperties'];
const MIN = ['minItems', 'minLength', 'minimum', 'exclusiveMinimum', 'minProperties'];

/** `{values}` when the schema is an open enum: anyOf [{enum: [...]}, {type: string}]. */
export function openEnum(s) {
  if (!Array.isArray(s?.anyOf)) return undefined;
  const known = s.anyOf.find((b) => Array.isArray(b.enum));
  const open = s.anyOf.some((b) => b.type === 'string' && !b.enum && !b.const && !b.pattern);
  return known && open ? { values: new Set(known.enum) } : undefined;
}

export function compareSchema(changes, a, b, path, dir) {
  if (!isObj(a) || !isObj(b)) {
    if (!same(a, b))
      changes.add(dir === 'request' ? 'request-narrowed' : 'response-type-changed', path, 'schema replaced');
    return;
  }
  const narrowed = dir === 'request' ? 'request-narrowed' : 'response-tightened';
  const widened = dir === 'request' ? 'request-widened' : 'response-loosened';
  const at = (k) => [...path, k];

  // Open enums (anyOf [enum, string]) first: what matters is whether the string branch stays.
  const [openA, openB] = [openEnum(a), openEnum(b)];
  if (openA || openB) {
    for (const k of ['anyOf', 'enum', 'type']) changes.claim(at(k));
    if (openA && openB) {
      for (const v of minus(openB.values, openA.values))
        changes.add(dir === 'request' ? widened : 'open-enum-value-added', at('anyOf'), `known value ${v} added`);
      for (const v of minus(openA.values, openB.values))
        changes.add(dir === 'request' ? narrowed : 'open-enum-value-removed', at('anyOf'), `known value ${v} removed`);
      if (
        !same(a.anyOf, b.anyOf) &&
        !minus(openA.values, openB.values).length &&
        !minus(openB.values, openA.values).length
      )
        changes.add('text', at('anyOf'), 'enum order changed');
    } else if (openA)
      changes.add(dir === 'request' ? narrowed : 'open-enum-closed', at('anyOf'), 'the open enum is closed');
    else changes.add(widened, at('anyOf'), 'the enum is opened to any string');
    return;
  }

  if (!same(a.type, b.type)) {
    const [ta, tb] = [types(a), types(b)];
    const wider = minus(ta, tb).length === 0 && ta.size > 0;
    if (dir === 'request') changes.add(wider ? widened : narrowed, at('type'), `type ${[...ta]} -> ${[...tb]}`);
    else changes.add('response-type-changed', at('type'), `type ${[...ta]} -> ${[...tb]}`);
  }

  if (!same(a.enum, b.enum)) {
    const [ea, eb] = [new Set(a.enum ?? []), new Set(b.enum ?? [])];
    if (!a.enum) changes.add(narrowed, at('enum'), `enum [${[...eb]}] added`);
    else if (!b.enum) changes.add(widened, at('enum'), 'enum removed');
    else {
      for (const v of minus(eb, ea))
        changes.add(dir === 'request' ? widened : 'closed-enum-value-added', at('enum'), `value ${v} added`);
      for (const v of minus(ea, eb)) changes.add(narrowed, at('enum'), `value ${v} removed`);
      if (minus(ea, eb).length + minus(eb, ea).length === 0) changes.add('text', at('enum'), 'enum order changed');
    }
  }

  if (!same(a.const, b.const)) {
    if (b.const === undefined) changes.add(widened, at('const'), 'const removed');
    else changes.add(narrowed, at('const'), `const ${JSON.stringify(b.const)}`);
  }

  for (const k of [...MAX, ...MIN]) {
    if (a[k] === b[k]) continue;
    const isMax = MAX.includes(k);
    const tighter = b[k] !== undefined && (a[k] === undefined || (isMax ? b[k] < a[k] : b[k] > a[k]));
    changes.add(tighter ? narrowed : widened, at(k), `${k} ${a[k] ?? '(none)'} -> ${b[k] ?? '(none)'}`);
  }

  for (const k of ['pattern', 'format']) {
    if (a[k] === b[k]) continue;
    changes.add(b[k] === undefined ? widened : narrowed, at(k), `${k} ${a[k] ?? '(none)'} -> ${b[k] ?? '(none)'}`);
  }

  if (Boolean(a.uniqueItems) !== Boolean(b.uniqueItems))
    changes.add(b.uniqueItems ? narrowed : widened, at('uniqueItems'), `uniqueItems ${Boolean(b.uniqueItems)}`);

  if (!same(a.default, b.default)) {
    if (dir === 'request')
      changes.add(
        'default-changed',
        at('default'),
        `default ${JSON.stringify(a.default)} -> ${JSON.stringify(b.default)}`,
      );
    else changes.add('text', at('default'), 'default of an answer field changed');
  }

  compareProperties(changes, a, b, path, dir);
  compareAdditional(changes, a.additionalProperties, b.additionalProperties, at('additionalProperties'), dir);
  if (a.items !== undefined || b.items !== undefined) compareSchema(changes, a.items, b.items, at('items'), dir);

  for (const k of ['anyOf', 'oneOf', 'allOf']) {
    if (a[k] === undefined && b[k] === undefined) continue;
    if (Array.isArray(a[k]) && Array.isArray(b[k]) && a[k].length === b[k].length)
      for (const [i, x] of a[k].entries()) compareSchema(changes, x, b[k][i], [...path, k, String(i)], dir);
    // Otherwise the catch-all rates it (unrated, major).
  }
}

function compareProperties(changes, a, b, path, dir) {
  const [pa, pb] = [a.properties ?? {}, b.properties ?? {}];
  const [ra, rb] = [new Set(a.required ?? []), new Set(b.required ?? [])];
  for (const name of Object.keys(pa))
    if (!(name in pb))
      changes.add(
        dir === 'request' ? 'request-narrowed' : 'response-field-removed',
        [...path, 'properties', name],
        'removed',
      );
  for (const name of Object.keys(pb))
    if (!(name in pa))
      changes.add(
        dir === 'request' ? 'request-widened' : 'response-field-added',
        [...path, 'properties', name],
        'added',
      );
  for (const name of Object.keys(pa))
    if (name in pb) compareSchema(changes, pa[name], pb[name], [...path, 'properties', name], dir);
  changes.claim([...path, 'required']);
  for (const name of minus(rb, ra))
    changes.add(
      dir === 'request' ? 'request-narrowed' : 'response-field-required',
      [...path, 'required'],
      `${name} required`,
    );
  for (const name of minus(ra, rb))
    changes.add(
      dir === 'request' ? 'request-widened' : 'response-field-optional',
      [...path, 'required'],
      `${name} no longer required`,
    );
}

// additionalProperties: absent or true is open, false is closed, a schema is in between.
function compareAdditional(changes, a, b, path, dir) {
  const rank = (v) => (v === false ? 0 : isObj(v) ? 1 : 2);
  changes.claim(path);
  if (same(a ?? true, b ?? true)) return;
  const narrowed = dir === 'request' ? 'request-narrowed' : 'response-tightened';
  const widened = dir === 'request' ? 'request-widened' : 'response-loosened';
  if (rank(a) === 1 && rank(b) === 1) return compareSchema(changes, a, b, path, dir);
  changes.add(
    rank(b) < rank(a) ? narrowed : widened,
    path,
    `additionalProperties ${JSON.stringify(a ?? true)} -> ${JSON.stringify(b ?? true)}`,
  );
}
