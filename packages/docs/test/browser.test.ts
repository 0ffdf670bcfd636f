// Opens each built page in headless Chromium (Debian's, driven by playwright-core) from a local
// server: it must render with no console errors and show every operation, its error codes, its rate
// limit and its code samples. Screenshots land in artifacts/ for people to look at.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '@feishu-task/spec-tools';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { serveStatic } from '../scripts/serve.mjs';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(pkg, 'artifacts');
const spec = loadSpec(import.meta.url, 'dereferenced');
const taskOps = Object.values<any>(spec.paths)
  .flatMap((item) => ['post', 'delete'].map((m) => item[m]).filter(Boolean))
  .filter((op) => op['x-feishu-rate-limit']?.per_minute);

let browser: Browser;
let server: { server: import('node:http').Server; url: string };

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  server = await serveStatic(join(pkg, 'dist'));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  server?.server.close();
});

async function open(path: string) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(server.url + path, { waitUntil: 'load' });
  return { page, problems };
}

describe('index page', () => {
  it('links both languages and renders cleanly', async () => {
    const { page, problems } = await open('/');
    await expect(page.locator('a[href="en/index.html"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('a[href="zh/index.html"]').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(artifacts, 'index.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});

const pages = {
  en: { perMinute: (n: number) => `${n} requests per minute`, summary: (op: any) => op.summary },
  zh: { perMinute: (n: number) => `${n} 次/分钟`, summary: (op: any) => op['x-i18n'].zh.summary },
};
const SAMPLES = ['TypeScript (@feishu-task/client)', 'curl', 'Node.js (official SDK)'];
const tagOf = (op: any) => String(op.tags[0]).toLowerCase().replace(/\s+/g, '-');

describe.each(Object.entries(pages))('%s reference', (lang, expected) => {
  it.each(taskOps.map((op) => [op.operationId, op]))(
    '%s: heading, rate limit, every error code and the three code samples, no console errors',
    async (id, op) => {
      const { page, problems } = await open(`/${lang}/index.html#/${tagOf(op)}/${String(id).toLowerCase()}`);
      // A tag's operations share one page: scope every check to this operation's own section.
      const main = page.locator(`[data-section-id="/${tagOf(op)}/${String(id).toLowerCase()}"]`);
      await main
        .locator('h1, h2')
        .getByText(expected.summary(op), { exact: true })
        .first()
        .waitFor({ timeout: 30_000 });
      await expect(
        main.getByText(expected.perMinute(op['x-feishu-rate-limit'].per_minute)).first().isVisible(),
        'rate limit',
      ).resolves.toBe(true);
      for (const [status, response] of Object.entries<any>(op.responses)) {
        if (!/^[45]/.test(status)) continue;
        for (const [name, ex] of Object.entries<any>(response.content['application/json'].examples)) {
          const row = main.locator('tr', { hasText: name }).filter({ hasText: String(ex.value.code) });
          await row.first().scrollIntoViewIfNeeded();
          await expect(row.first().isVisible(), `error row ${status} ${name}`).resolves.toBe(true);
          await expect(row.first().locator('td').first().textContent(), `status of ${name}`).resolves.toBe(status);
        }
      }
      await main.locator('h1, h2').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(artifacts, `${lang}-${id}.png`) });
      // The code samples sit behind the panel's language menu: every one must be offered and render.
      for (const label of SAMPLES) {
        await main
          .locator('button', { hasText: /^(TypeScript \(@feishu-task\/client\)|curl|Node\.js \(official SDK\))$/ })
          .first()
          .click();
        await page.getByText(label, { exact: true }).last().click();
        const code = main.locator('pre, code').filter({
          hasText:
            label === 'curl'
              ? 'curl -i -X'
              : label.startsWith('TypeScript')
                ? `client.${id}(`
                : `client.${op['x-feishu-sdk-method']}(`,
        });
        await expect(code.first().isVisible(), `sample ${label}`).resolves.toBe(true);
      }
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('the introduction and the top of the page render', async () => {
    const { page, problems } = await open(`/${lang}/index.html`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.screenshot({ path: join(artifacts, `${lang}-top.png`) });
    expect(problems).toEqual([]);
    await page.close();
  });
});
