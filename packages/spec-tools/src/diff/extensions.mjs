// The x-feishu-* extensions that generated code and the doubles depend on: quotas, scopes, retry
// semantics, state caps, app types, the SDK method; and the servers the client picks its base URL from.
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const setOf = (list) => new Set((list ?? []).map((x) => (typeof x === 'string' ? x : JSON.stringify(x))));
const minus = (a, b) => [...a].filter((x) => !b.has(x));

const EXTENSIONS = [
  'x-feishu-rate-limit',
  'x-feishu-scopes',
  'x-feishu-field-scopes',
  'x-feishu-retry',
  'x-feishu-state-limits',
  'x-feishu-request-rules',
  'x-feishu-sdk-method',
  'x-feishu-app-types',
];

export function compareOperationExtensions(changes, a, b, path) {
  // An extension present on one side only: the rule below rates what it adds or drops.
  for (const key of EXTENSIONS) if ((a[key] === undefined) !== (b[key] === undefined)) changes.claim([...path, key]);
  rateLimit(changes, a['x-feishu-rate-limit'], b['x-feishu-rate-limit'], [...path, 'x-feishu-rate-limit']);
  sets(
    changes,
    a['x-feishu-scopes'],
    b['x-feishu-scopes'],
    [...path, 'x-feishu-scopes'],
    'scope-added',
    'scope-removed',
    'scope',
  );
  fieldScopes(changes, a['x-feishu-field-scopes'], b['x-feishu-field-scopes'], [...path, 'x-feishu-field-scopes']);
  retry(changes, a['x-feishu-retry'], b['x-feishu-retry'], [...path, 'x-feishu-retry']);
  stateLimits(changes, a['x-feishu-state-limits'], b['x-feishu-state-limits'], [...path, 'x-feishu-state-limits']);
  requestRules(changes, a, b, [...path, 'x-feishu-request-rules']);
  sdkMethod(changes, a['x-feishu-sdk-method'], b['x-feishu-sdk-method'], [...path, 'x-feishu-sdk-method']);
  sets(
    changes,
    a['x-feishu-app-types'],
    b['x-feishu-app-types'],
    [...path, 'x-feishu-app-types'],
    'app-type-added',
    'app-type-removed',
    'app type',
  );
  for (const [key, p] of Object.entries(b.parameters ?? {}))
    if (a.parameters?.[key])
      fieldScopes(changes, a.parameters[key]['x-feishu-field-scopes'], p['x-feishu-field-scopes'], [
        ...path,
        'parameters',
        key,
        'x-feishu-field-scopes',
      ]);
}

// The SDK method was a plain string before it could carry its own x-source.
function sdkMethod(changes, a, b, path) {
  const method = (x) => (typeof x === 'string' ? x : x?.method);
  changes.claim(path);
  if (method(a) !== method(b)) changes.add('sdk-method-changed', path, `${method(a)} -> ${method(b)}`);
  if (JSON.stringify(a?.['x-source']) !== JSON.stringify(b?.['x-source']))
    changes.add('text', [...path, 'x-source'], 'text changed');
}

function sets(changes, a, b, path, added, removed, what) {
  changes.claim(path);
  const [sa, sb] = [setOf(a), setOf(b)];
  for (const x of minus(sb, sa)) changes.add(added, path, `${what} ${x} added`);
  for (const x of minus(sa, sb)) changes.add(removed, path, `${what} ${x} removed`);
}

// A quota no page gives is absent: a new one throttles calls that were not, a lower one sooner.
function rateLimit(changes, a = {}, b = {}, path) {
  for (const k of ['per_minute', 'per_second']) {
    changes.claim([...path, k]);
    if (a[k] === b[k]) continue;
    const lower = b[k] !== undefined && (a[k] === undefined || b[k] < a[k]);
    changes.add(
      lower ? 'rate-limit-lowered' : 'rate-limit-raised',
      [...path, k],
      `${k} ${a[k] ?? '(none)'} -> ${b[k] ?? '(none)'}`,
    );
  }
}

// Field scopes by scope and condition; their names are text.
function fieldScopes(changes, a = [], b = [], path) {
  const key = (f) => `${f.scope} when ${f.when}`;
  const [ka, kb] = [new Set(a.map(key)), new Set(b.map(key))];
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    for (const k of ['scope', 'when']) changes.claim([...path, String(i), k]);
  for (const k of minus(kb, ka)) changes.add('field-scope-added', path, `${k} added`);
  for (const k of minus(ka, kb)) changes.add('field-scope-removed', path, `${k} removed`);
  if (a.length !== b.length) changes.claim(path);
}

function retry(changes, a = {}, b = {}, path) {
  for (const k of ['idempotent', 'replayedSuccessCodes']) {
    changes.claim([...path, k]);
    if (!same(a[k], b[k]))
      changes.add('retry-changed', [...path, k], `${k} ${JSON.stringify(a[k])} -> ${JSON.stringify(b[k])}`);
  }
}

function stateLimits(changes, a = {}, b = {}, path) {
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const [x, y, at] = [a[name], b[name], [...path, name]];
    if (!y) {
      changes.add('state-limit-loosened', at, 'removed');
      continue;
    }
    if (!x) {
      changes.add('state-limit-tightened', at, `added (${y.max} ${y.field} per ${y.resource})`);
      continue;
    }
    for (const k of ['max', 'code', 'field', 'resource']) changes.claim([...at, k]);
    changes.claim([...at, 'oneRequestOverMax', 'code']);
    if (x.max !== y.max)
      changes.add(
        y.max < x.max ? 'state-limit-tightened' : 'state-limit-loosened',
        [...at, 'max'],
        `max ${x.max} -> ${y.max}`,
      );
    for (const k of ['code', 'field', 'resource'])
      if (x[k] !== y[k]) changes.add('state-limit-tightened', [...at, k], `${k} ${x[k]} -> ${y[k]}`);
    if (x.oneRequestOverMax?.code !== y.oneRequestOverMax?.code)
      changes.add(
        'state-limit-tightened',
        [...at, 'oneRequestOverMax'],
        `one request over max: ${x.oneRequestOverMax?.code} -> ${y.oneRequestOverMax?.code}`,
      );
  }
}

// Requests the schema allows but the service refuses. A new rule refuses requests that were valid, unless
// the old schema required the key it asks for (such a request was refused then too, by the schema).
function requestRules(changes, opA, opB, path) {
  const [a, b] = [opA['x-feishu-request-rules'] ?? {}, opB['x-feishu-request-rules'] ?? {}];
  const requiredBefore = (rule) =>
    (opA.requestBody?.content?.['application/json']?.schema?.properties?.[rule.field]?.items?.required ?? []).includes(
      rule.itemWithout,
    );
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const [x, y, at] = [a[name], b[name], [...path, name]];
    if (!y) {
      changes.add('request-rule-removed', at, 'removed');
      continue;
    }
    if (!x) {
      const what = `added (${y.field} item without ${y.itemWithout}: ${y.code})`;
      changes.add(requiredBefore(y) ? 'request-rule-replaces-required' : 'request-rule-added', at, what);
      continue;
    }
    for (const k of ['field', 'itemWithout', 'code']) {
      changes.claim([...at, k]);
      if (x[k] !== y[k]) changes.add('request-rule-added', [...at, k], `${k} ${x[k]} -> ${y[k]}`);
    }
  }
}

export function compareServers(changes, a = {}, b = {}) {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const path = ['servers', key];
    changes.claim([...path, 'url']);
    changes.claim([...path, 'x-deployment']);
    if (!b[key]) changes.add('server-changed', path, 'removed');
    else if (!a[key]) changes.add('server-added', path, `added (${b[key].url})`);
    else if (a[key].url !== b[key].url)
      changes.add('server-changed', [...path, 'url'], `${a[key].url} -> ${b[key].url}`);
  }
}
