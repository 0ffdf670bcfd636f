// The "Try it" panel of one operation: the request form (path, query, token, body, prefilled from the
// spec's examples), the documented error scenarios, and the answer with the state it changed. Loaded on
// first use together with the engine; one engine serves every operation of the page, so a collaborator
// added on one operation can be removed on the next.

import { diff, formatChanges } from './diff.js';
import { h } from './dom.js';
import { type Answer, type Engine, newEngine, type Outgoing, send } from './engine.js';
import { type Labels, type Lang, labels } from './labels.js';
import { findOperation, requestUrl, type TryOperation } from './operation.js';
import { type Draft, type Scenario, scenariosFor } from './scenarios.js';
import { issueToken, TEST_APP } from './token.js';

let shared: Engine | undefined;
const engine = () => {
  shared ??= newEngine();
  return shared;
};
/**
 * The state a request can change. The user directory is left out: the engine registers an id it has not
 * seen on first use (standing in for a tenant of any size), even in a request it then refuses, and that
 * is not something the API changed.
 */
const tenantState = (eng: Engine) => {
  // A snapshot is lossless (issued tokens, app secrets): credentials are not shown as tenant data.
  const { users: _directory, tenantTokens: _tenantTokens, userTokens: _userTokens, apps, ...state } = eng.snapshot();
  return { apps: apps?.map((a) => ({ ...a, app_secret: '[redacted]' })), ...state };
};
/** Panels by operation: a viewer that re-renders its markup gets the same panel, values and answer kept. */
const panels = new Map<string, HTMLElement>();

export function panelFor(id: string, lang: Lang, domId: string): HTMLElement {
  const key = `${id}|${lang}`;
  let panel = panels.get(key);
  if (!panel) {
    const op = findOperation(id);
    const t = labels[lang];
    panel = op ? build(op, lang, t, domId) : h('p', { id: domId, class: 'try-it-panel' }, `${t.failed} ${id}`);
    panels.set(key, panel);
  }
  return panel;
}

function build(op: TryOperation, lang: Lang, t: Labels, domId: string): HTMLElement {
  const fieldId = (name: string) => `${domId}-${name}`;
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();

  const paramField = (p: TryOperation['params'][number]) => {
    const attrs = { id: fieldId(p.name), name: p.name, required: p.required, spellcheck: 'false', autocomplete: 'off' };
    const input = p.enum
      ? h(
          'select',
          attrs,
          ...(p.required ? [] : [h('option', { value: '' }, '—')]),
          ...p.enum.map((v) => h('option', { value: v, selected: v === p.example }, v)),
        )
      : h('input', { ...attrs, type: 'text', value: p.example });
    if (!p.enum) (input as HTMLInputElement).value = p.example;
    inputs.set(p.name, input);
    return h(
      'div',
      { class: 'try-it-field' },
      h('label', { for: fieldId(p.name) }, h('code', {}, p.name), p.required ? ` (${t.required})` : ''),
      input,
    );
  };
  const group = (legend: string, where: 'path' | 'query') => {
    const params = op.params.filter((p) => p.in === where);
    return params.length > 0 && h('fieldset', {}, h('legend', {}, legend), ...params.map(paramField));
  };

  const token = op.secured
    ? h('input', {
        id: fieldId('token'),
        type: 'text',
        autocomplete: 'off',
        spellcheck: 'false',
        'aria-describedby': fieldId('token-note'),
      })
    : undefined;
  let issued = '';
  const body =
    op.body === undefined
      ? undefined
      : h('textarea', {
          id: fieldId('body'),
          rows: String(Math.min(12, op.body.split('\n').length + 1)),
          spellcheck: 'false',
          wrap: 'off',
        });
  if (body) body.value = op.body ?? '';

  const sendButton = h('button', { type: 'submit', class: 'try-it-primary' }, t.send);
  const resetButton = h('button', { type: 'button' }, t.reset);
  const form = h(
    'form',
    { class: 'try-it-form', novalidate: true },
    h('p', { class: 'try-it-route' }, h('span', { class: 'try-it-method' }, op.method), ' ', h('code', {}, op.path)),
    group(t.pathParams, 'path'),
    group(t.queryParams, 'query'),
    token &&
      h(
        'div',
        { class: 'try-it-field' },
        h('label', { for: token.id }, t.token),
        token,
        h('p', { id: fieldId('token-note'), class: 'try-it-note' }, t.tokenNote(TEST_APP)),
      ),
    body && h('div', { class: 'try-it-field' }, h('label', { for: body.id }, t.body), body),
    h('div', { class: 'try-it-actions' }, sendButton, resetButton),
  );

  const scenarios = scenariosFor(op);
  const scenarioButtons = scenarios.map(({ scenario, error }) => {
    const b = h('button', { type: 'button', 'data-scenario': scenario.error }, error.summary[lang]);
    b.addEventListener('click', () => run(scenario));
    return b;
  });
  const scenarioBox =
    scenarios.length > 0 &&
    h(
      'div',
      { class: 'try-it-scenarios', role: 'group', 'aria-labelledby': fieldId('scenarios') },
      h('p', { id: fieldId('scenarios'), class: 'try-it-heading' }, t.scenarios),
      h('p', { class: 'try-it-note' }, t.scenariosNote),
      h('div', { class: 'try-it-actions' }, ...scenarioButtons),
    );

  const status = h('p', { class: 'try-it-status', role: 'status' });
  const result = h('div', { class: 'try-it-result' });
  const panel = h(
    'section',
    { id: domId, class: 'try-it-panel', 'aria-label': `${t.tryIt}${t.colon}${op.summary[lang]}` },
    h('p', { class: 'try-it-note' }, t.intro),
    form,
    scenarioBox,
    status,
    result,
  );

  /** The request the form describes; a token the panel issued is renewed first (it may have expired). */
  async function draft(eng: Engine): Promise<Draft> {
    if (token && token.value === issued) {
      issued = (await issueToken(eng)).token;
      token.value = issued;
    }
    const values: Record<string, string> = {};
    for (const [name, input] of inputs) values[name] = input.value;
    const headers: Record<string, string> = {};
    if (body) headers['content-type'] = 'application/json; charset=utf-8';
    if (token?.value) headers.authorization = `Bearer ${token.value}`;
    const request: Outgoing = {
      method: op.method,
      url: requestUrl(op, values),
      headers,
      ...(body ? { body: body.value } : {}),
    };
    return { op, values, request };
  }

  const buttons = () => [sendButton, resetButton, ...scenarioButtons];
  async function run(scenario?: Scenario) {
    for (const b of buttons()) b.disabled = true;
    status.textContent = t.sending;
    try {
      const eng = engine();
      if (scenario) eng.reset();
      const d = await draft(eng);
      const prepared = scenario ? await scenario.prepare(eng, d, t) : { request: d.request, note: undefined };
      const before = tenantState(eng);
      const answer = await send(eng, prepared.request);
      const changes = diff(before, tenantState(eng));
      show(answer, prepared.request, formatChanges(changes), prepared.note);
    } catch (e) {
      status.textContent = `${t.failed} ${e instanceof Error ? e.message : String(e)}`;
      result.replaceChildren();
    } finally {
      for (const b of buttons()) b.disabled = false;
    }
  }

  function show(answer: Answer, request: Outgoing, changes: string, note: string | undefined) {
    const code = (answer.body as { code?: unknown } | null)?.code;
    status.replaceChildren(
      h('strong', {}, `HTTP ${answer.status}`),
      typeof code === 'number' ? ` · ${t.code} ${code}` : '',
    );
    status.dataset.status = String(answer.status);
    if (typeof code === 'number') status.dataset.code = String(code);
    else delete status.dataset.code;
    const block = (label: string, content: string, name: string) =>
      h(
        'div',
        { class: 'try-it-block' },
        h('p', { class: 'try-it-heading', id: fieldId(name) }, label),
        h('pre', { tabindex: '0', 'aria-labelledby': fieldId(name), 'data-part': name }, h('code', {}, content)),
      );
    result.replaceChildren(
      ...(note ? [h('p', { class: 'try-it-setup' }, h('strong', {}, `${t.setup}: `), note)] : []),
      block(
        t.request,
        [`${request.method} ${request.url}`, ...Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`)].join(
          '\n',
        ),
        'request',
      ),
      h(
        'div',
        { class: 'try-it-block' },
        h('p', { class: 'try-it-heading', id: fieldId('headers') }, t.headers),
        h(
          'table',
          { 'aria-labelledby': fieldId('headers'), 'data-part': 'headers' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.header), h('th', { scope: 'col' }, t.value))),
          h(
            'tbody',
            {},
            ...Object.entries(answer.headers).map(([k, v]) =>
              h('tr', {}, h('td', {}, h('code', {}, k)), h('td', {}, h('code', {}, v))),
            ),
          ),
        ),
      ),
      block(t.responseBody, JSON.stringify(answer.body, null, 2), 'body'),
      changes
        ? block(t.state, changes, 'state')
        : h(
            'div',
            { class: 'try-it-block' },
            h('p', { class: 'try-it-heading' }, t.state),
            h('p', { 'data-part': 'state' }, t.noChange),
          ),
    );
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run();
  });
  // Ctrl+Enter (⌘+Enter) sends from any field, the body included.
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });
  resetButton.addEventListener('click', () => {
    engine().reset();
    result.replaceChildren();
    status.textContent = t.resetDone;
    delete status.dataset.status;
    delete status.dataset.code;
  });
  if (token)
    issueToken(engine()).then(
      (r) => {
        if (token.value === issued) token.value = issued = r.token;
      },
      () => {},
    );
  return panel;
}
