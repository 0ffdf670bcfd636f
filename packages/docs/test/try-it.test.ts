// "Try it" in the built pages, in headless Chromium (Debian's, through playwright-core), as a reader uses
// it: open an operation, open Try it, send the spec's example to the emulator running in the page, read
// the answer and the state it changed; run each documented error scenario and get its documented status
// and code. Offline once the panel has loaded, keyboard only, Chinese labels on the zh page, axe clean
// in light and dark. Expected values come from the spec, never from the control itself.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorExamples, loadSpec, operations } from '@feishu-task/spec-tools';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { requestBodyExample } from '../scripts/code-samples.mjs';
import { countForeignTexts } from './l10n-count.ts';
// @ts-expect-error plain ESM helper without types
import { SIZES, useSite } from './site.ts';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const spec = loadSpec(import.meta.url, 'dereferenced');
const ops = Object.fromEntries([...operations(spec)].map((o) => [o.operation.operationId, o]));
const route = (id: string) => {
  const op = ops[id]!.operation;
  return `#/${String(op.tags[0]).toLowerCase().replace(/\s+/g, '-')}/${id.toLowerCase()}`;
};
/** The documented answer of an operation's error example: its HTTP status and code. */
const documented = (id: string, name: string) => {
  const e = errorExamples(ops[id]!.operation).find((x: any) => x.name === name);
  if (!e) throw new Error(`${id} documents no ${name}`);
  return { status: String(e.status), code: String(e.code) };
};
const exampleOf = (id: string, name: string) =>
  [...(ops[id]!.pathItem.parameters ?? []), ...(ops[id]!.operation.parameters ?? [])].find((p: any) => p.name === name)
    ?.example;

beforeAll(async () => {
  const page = readFileSync(join(pkg, 'dist/en/index.html'), 'utf8');
  if (!page.includes('../try-it/try-it.js'))
    throw new Error('dist/en/index.html does not load try-it.js: run the docs build (it builds try-it/ first)');
});
const site = useSite(join(pkg, 'dist'));

interface Opened {
  page: Page;
  problems: string[];
  requests: string[];
  offline(): Promise<void>;
  close(): Promise<void>;
}

async function openOperation(
  lang: 'en' | 'zh',
  id: string,
  colorScheme: 'light' | 'dark' = 'light',
  size: keyof typeof SIZES = 'desktop',
): Promise<Opened> {
  const context = await site.browser.newContext({ viewport: SIZES[size], colorScheme });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${site.url}/${lang}/index.html${route(id)}`);
  await page.locator(`[data-try-it="${id}"] .try-it-toggle`).waitFor();
  return { page, problems, requests, offline: () => context.setOffline(true), close: () => context.close() };
}

/** Opens the operation's panel with a click and waits for its token. */
async function openPanel(o: Opened, id: string) {
  const toggle = o.page.locator(`[data-try-it="${id}"] .try-it-toggle`);
  await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
  const panel = o.page.locator(`#try-it-${id}`);
  await panel.waitFor();
  if (ops[id]!.operation.security?.length)
    await expect.poll(() => panel.locator(`#try-it-${id}-token`).inputValue()).toMatch(/^t-/);
  return panel;
}

/** The status line after the last request: HTTP status and code, as data attributes. */
async function answer(panel: ReturnType<Page['locator']>) {
  const status = panel.locator('.try-it-status');
  await expect.poll(() => status.getAttribute('data-status')).toBeTruthy();
  return { status: await status.getAttribute('data-status'), code: await status.getAttribute('data-code') };
}
/** Forgets the last answer, so that the next one is waited for. */
const forget = (panel: ReturnType<Page['locator']>) =>
  panel.locator('.try-it-status').evaluate((s) => {
    delete (s as HTMLElement).dataset.status;
    delete (s as HTMLElement).dataset.code;
  });
async function click(panel: ReturnType<Page['locator']>, button: ReturnType<Page['locator']>) {
  await forget(panel);
  await button.click();
  return answer(panel);
}

describe('Try it', () => {
  it('en: sends the spec example to the in-page emulator, shows 200 and the state it changed; a scenario answers its documented code; offline', async () => {
    const id = 'addTaskCollaborators';
    const o = await openOperation('en', id);
    await expect(o.page.locator(`[data-try-it="${id}"] .try-it-toggle`).textContent()).resolves.toMatch(/^\W*Try it/);
    const panel = await openPanel(o, id);
    const taskId = exampleOf(id, 'task_id');
    await expect(panel.locator(`#try-it-${id}-task_id`).inputValue()).resolves.toBe(taskId);
    const body = JSON.parse(await panel.locator(`#try-it-${id}-body`).inputValue());
    expect(body).toEqual(requestBodyExample(ops[id]!.operation));

    // From here nothing may reach the network: the page is offline and the emulator is in it.
    const before = o.requests.length;
    await o.offline();
    await expect(click(panel, panel.getByRole('button', { name: 'Send', exact: true }))).resolves.toEqual({
      status: '200',
      code: '0',
    });
    const state = await panel.locator('[data-part="state"]').textContent();
    for (const added of body.id_list) expect(state).toContain(`+ tasks[${taskId}].collaborators ${added}`);
    const query = new URLSearchParams({ user_id_type: exampleOf(id, 'user_id_type') });
    const [line, ...headers] = ((await panel.locator('[data-part="request"]').textContent()) ?? '').split('\n');
    expect(line).toBe(`POST ${ops[id]!.path.replace('{task_id}', taskId)}?${query}`);
    expect(headers).toEqual([
      'content-type: application/json; charset=utf-8',
      `authorization: Bearer ${await panel.locator(`#try-it-${id}-token`).inputValue()}`,
    ]);
    await expect(panel.locator('[data-part="headers"]').textContent()).resolves.toMatch(/x-tt-logid/i);
    const sent = JSON.parse((await panel.locator('[data-part="body"]').textContent()) ?? '');
    expect(sent.data.collaborator.id_list).toEqual(expect.arrayContaining(body.id_list));

    const cap = panel.locator('[data-scenario="CollaboratorLimitExceeded"]');
    await expect(click(panel, cap)).resolves.toEqual(documented(id, 'CollaboratorLimitExceeded'));
    await expect(panel.locator('[data-part="state"]').textContent()).resolves.toBe('No change.');
    // (blob: URLs are the page's own memory, the viewer's search worker: no network.)
    expect(o.requests.slice(before).filter((u) => !u.startsWith('blob:'))).toEqual([]);
    // Before going offline too, the page fetched only from its own site.
    expect(o.requests.filter((u) => new URL(u).origin !== new URL(site.url).origin)).toEqual([]);
    expect(o.problems).toEqual([]);
    await o.close();
  });

  it('en: remove a collaborator: each documented scenario answers its documented status and code, then a send succeeds again', async () => {
    const id = 'removeTaskCollaborator';
    const o = await openOperation('en', id);
    const panel = await openPanel(o, id);
    const offered = await panel
      .locator('[data-scenario]')
      .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-scenario')));
    expect(offered).toEqual(
      expect.arrayContaining(['CollaboratorNotFound', 'PlatformRateLimited', 'TenantTokenInvalid']),
    );
    for (const name of offered)
      await expect(click(panel, panel.locator(`[data-scenario="${name}"]`)), name!).resolves.toEqual(
        documented(id, name!),
      );
    // The 429 carries the gateway's quota headers.
    await click(panel, panel.locator('[data-scenario="PlatformRateLimited"]'));
    await expect(panel.locator('[data-part="headers"]').textContent()).resolves.toMatch(/x-ogw-ratelimit-limit/);
    // After the expired token, a send renews the panel's token and the example request applies again.
    await click(panel, panel.locator('[data-scenario="TenantTokenInvalid"]'));
    await expect(click(panel, panel.getByRole('button', { name: 'Send', exact: true }))).resolves.toEqual({
      status: '200',
      code: '0',
    });
    const collaborator = exampleOf(id, 'collaborator_id');
    await expect(panel.locator('[data-part="state"]').textContent()).resolves.toContain(
      `- tasks[${exampleOf(id, 'task_id')}].collaborators ${collaborator}`,
    );
    // The same request again: the collaborator is gone now, as the platform would say.
    await expect(click(panel, panel.getByRole('button', { name: 'Send', exact: true }))).resolves.toEqual(
      documented(id, 'CollaboratorNotFound'),
    );
    expect(o.problems).toEqual([]);
    await o.close();
  });

  it('zh: Chinese labels, keyboard only (Enter opens, Ctrl+Enter sends), the member cap scenario', async () => {
    const id = 'addTasklistMembers';
    const o = await openOperation('zh', id);
    const { page } = o;
    const toggle = page.locator(`[data-try-it="${id}"] .try-it-toggle`);
    await expect(toggle.textContent()).resolves.toMatch(/试一试/);
    await toggle.focus();
    await page.keyboard.press('Enter');
    const panel = page.locator(`#try-it-${id}`);
    await panel.waitFor();
    await expect.poll(() => panel.locator(`#try-it-${id}-token`).inputValue()).toMatch(/^t-/);
    await panel.locator(`#try-it-${id}-body`).focus();
    await page.keyboard.press('Control+Enter');
    await expect(answer(panel)).resolves.toEqual({ status: '200', code: '0' });
    await expect(panel.getByRole('button', { name: '发送', exact: true }).isVisible()).resolves.toBe(true);

    const cap = panel.locator('[data-scenario="TasklistMemberLimitExceeded"]');
    const example = errorExamples(ops[id]!.operation).find((e: any) => e.name === 'TasklistMemberLimitExceeded');
    await expect(cap.textContent()).resolves.toBe(example.example['x-i18n'].zh.summary);
    await cap.focus();
    await forget(panel);
    await page.keyboard.press('Enter');
    await expect(answer(panel)).resolves.toEqual(documented(id, 'TasklistMemberLimitExceeded'));
    // The panel adds no English text to the zh page (code, identifiers and JSON excepted).
    // Counted on the control alone (the rest of the page has its own test): the page keeps only it.
    await page.locator(`[data-try-it="${id}"]`).evaluate((el) => document.body.replaceChildren(el));
    await expect(countForeignTexts(page, 'zh', [])).resolves.toEqual([]);
    expect(o.problems).toEqual([]);
    await o.close();
  });

  it('en: offline before the first use, Try it says it could not load; back online, a click opens it', async () => {
    const id = 'addTaskCollaborators';
    const o = await openOperation('en', id);
    await o.page.context().setOffline(true);
    const toggle = o.page.locator(`[data-try-it="${id}"] .try-it-toggle`);
    await toggle.click();
    await expect(o.page.locator(`[data-try-it="${id}"] [role="alert"]`).textContent()).resolves.toMatch(
      /^Try it could not load/,
    );
    await o.page.context().setOffline(false);
    await openPanel(o, id);
    await expect(o.page.locator(`[data-try-it="${id}"] [role="alert"]`).count()).resolves.toBe(0);
    await o.close();
  });

  it('en: the token endpoint issues a token to the example app, and refuses a wrong secret as documented', async () => {
    const id = 'getTenantAccessToken';
    const o = await openOperation('en', id);
    const panel = await openPanel(o, id);
    await expect(click(panel, panel.getByRole('button', { name: 'Send', exact: true }))).resolves.toEqual({
      status: '200',
      code: '0',
    });
    const issued = JSON.parse((await panel.locator('[data-part="body"]').textContent()) ?? '');
    expect(issued.tenant_access_token).toMatch(/^t-/);
    await expect(click(panel, panel.locator('[data-scenario="AppSecretInvalid"]'))).resolves.toEqual(
      documented(id, 'AppSecretInvalid'),
    );
    expect(o.problems).toEqual([]);
    await o.close();
  });

  it.each([
    ['light', 'desktop'],
    ['dark', 'phone'],
  ] as const)('%s, %s: axe finds no serious or critical violation in the control', async (scheme, size) => {
    const id = 'addTaskCollaborators';
    const o = await openOperation('en', id, scheme, size);
    const panel = await openPanel(o, id);
    await click(panel, panel.getByRole('button', { name: 'Send', exact: true }));
    await o.page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const violations = await o.page.evaluate(async () => {
      const result = await (window as any).axe.run({ include: [['[data-try-it]']] }, { resultTypes: ['violations'] });
      return result.violations
        .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
        .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await o.page.screenshot({ path: join(pkg, 'artifacts', `try-it-${scheme}-${size}.png`), fullPage: false });
    await o.close();
  });
});
