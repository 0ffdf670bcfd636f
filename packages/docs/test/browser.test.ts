// Opens the built site in headless Chromium (Debian's, driven by playwright-core) from the same server
// `pnpm start` uses, as readers would, at desktop (1280x800) and phone (390x844) sizes in both
// languages, and checks what the issue asks of it. Screenshots land in artifacts/ for review.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec, operations } from '@feishu-task/spec-tools';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { countForeignTexts, readCeiling } from './l10n-count.ts';
// @ts-expect-error plain ESM helper without types
import { SIZES, useSite } from './site.ts';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(pkg, 'artifacts');
const require = createRequire(import.meta.url);
const spec = loadSpec(import.meta.url, 'dereferenced');
const ops = [...operations(spec)].map((o) => o.operation);
const taskOps = ops.filter((op) => op['x-feishu-rate-limit']?.per_minute);
const route = (op: any) => `#/${String(op.tags[0]).toLowerCase().replace(/\s+/g, '-')}/${op.operationId.toLowerCase()}`;
const reference = (lang: string) => JSON.parse(readFileSync(join(pkg, 'dist', lang, 'reference.json'), 'utf8'));

/** Every property and parameter name in the spec: identifiers, shown as they are in both languages. */
function propertyNames(node: any, found = new Set<string>()): string[] {
  if (Array.isArray(node)) for (const n of node) propertyNames(n, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries<any>(node)) {
      if (key === 'properties' && value && typeof value === 'object') for (const k of Object.keys(value)) found.add(k);
      if (key === 'name' && typeof value === 'string' && node.in) found.add(value);
      propertyNames(value, found);
    }
  }
  return [...found];
}

const LANGS = {
  en: { htmlLang: 'en', perMinute: (n: number) => `${n} requests per minute`, summary: (op: any) => op.summary },
  zh: {
    htmlLang: 'zh-CN',
    perMinute: (n: number) => `${n} 次/分钟`,
    summary: (op: any) => op['x-i18n']?.zh?.summary ?? op.summary,
  },
} as const;
type Lang = keyof typeof LANGS;
const ONE_MB = 1024 * 1024;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
});
const site = useSite(join(pkg, 'dist'));

interface Opened {
  page: Page;
  problems: string[];
  /** Bytes on the wire (compressed) until the page was usable, from CDP network events. */
  transferred: number;
  encodings: Record<string, string>;
}

/**
 * Notes, in `window.__docsEvaluation`, each Error and console message made before boot.js marks the
 * viewer's script evaluated: with an inspector attached, one made inside the viewer's one 2 MB function
 * has V8 re-parse all of it for line numbers (README "The viewer", patch 8).
 */
const watchEvaluation = () => {
  const w = window as unknown as { __docsEvaluation: string[] };
  w.__docsEvaluation = [];
  const during = () => !performance.getEntriesByName('docs:viewer-loaded').length;
  const note = (what: string) => during() && w.__docsEvaluation.push(what.slice(0, 80));
  globalThis.Error = new Proxy(Error, {
    apply: (target, self, args) => {
      note(`Error: ${args[0]}`);
      return Reflect.apply(target, self, args);
    },
    construct: (target, args, newTarget) => {
      note(`new Error: ${args[0]}`);
      return Reflect.construct(target, args, newTarget);
    },
  });
  for (const k of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const f = console[k];
    console[k] = (...args: unknown[]) => {
      note(`console.${k}: ${args[0]}`);
      f.apply(console, args);
    };
  }
};

/** Opens a page and waits until it is usable: the reference rendered and the route's heading shown. */
async function open(
  path: string,
  size: keyof typeof SIZES = 'desktop',
  colorScheme: 'light' | 'dark' = 'light',
  watch = false,
) {
  const context = await site.browser.newContext({ viewport: SIZES[size], colorScheme });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  if (watch) await page.addInitScript(watchEvaluation);
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e: any) => {
    bytes += e.encodedDataLength;
  });
  const encodings: Record<string, string> = {};
  // Synchronous: a handler still awaiting headers when the page closes would reject unhandled.
  page.on('response', (r) => {
    encodings[new URL(r.url()).pathname] = r.headers()['content-encoding'] ?? 'identity';
  });
  await page.goto(site.url + path, { waitUntil: 'load' });
  if (path.includes('index.html')) await usable(page);
  const opened: Opened = { page, problems, transferred: bytes, encodings };
  return opened;
}
const close = (o: Opened) => o.page.context().close();

/** Usable: the reference rendered and a heading of the route in view. */
async function usable(page: Page) {
  await page.waitForFunction(
    () =>
      document.querySelector('[data-component-name="Layout/ThreePanelLayout"]') &&
      [...document.querySelectorAll('#redoc h1, #redoc h2, #redoc h3, #redoc h4, #redoc h5')].some((h) => {
        const r = h.getBoundingClientRect();
        return r.height > 0 && r.bottom > 0 && r.top < innerHeight;
      }),
    undefined,
    { timeout: 60_000 },
  );
}

describe('index page', () => {
  it('links both languages and the downloads, and renders cleanly', async () => {
    const o = await open('/');
    for (const href of ['en/index.html', 'zh/index.html', 'openapi.yaml', 'openapi.json'])
      await expect(o.page.locator(`a[href="${href}"]`).first().isVisible(), href).resolves.toBe(true);
    await o.page.screenshot({ path: join(artifacts, 'index.png') });
    expect(o.problems).toEqual([]);
    await close(o);
  });
});

describe('changelog', () => {
  it.each(Object.keys(LANGS) as Lang[])('%s: lists every pending changeset, with a language switch', async (lang) => {
    // @ts-expect-error plain ESM helper without types
    const { changelogEntries } = await import('../scripts/changelog.mjs');
    const o = await open(`/${lang}/changelog.html`);
    await expect(o.page.locator('html').getAttribute('lang')).resolves.toBe(LANGS[lang].htmlLang);
    // The first words of each entry as the page renders them: markdown's code and emphasis marks dropped.
    // An underscore inside a word (`add_members`) is not emphasis and stays.
    const rendered = (md: string) =>
      md
        .split('\n')[0]!
        .replace(/[`*]/g, '')
        .replace(/(^|\W)_(?=\S)|(?<=\S)_(?=\W|$)/g, '$1')
        .slice(0, 40);
    for (const c of changelogEntries().pending)
      await expect(o.page.getByText(rendered(c.body)).first().isVisible(), c.file).resolves.toBe(true);
    const other = lang === 'en' ? 'zh' : 'en';
    await expect(o.page.locator(`a[href="../${other}/changelog.html"]`).isVisible()).resolves.toBe(true);
    expect(o.problems).toEqual([]);
    await close(o);
  });
});

describe('downloads', () => {
  it('serves the bundled description as YAML and JSON, compressed', async () => {
    const json = await fetch(`${site.url}/openapi.json`, { headers: { 'accept-encoding': 'br' } });
    expect(json.headers.get('content-encoding')).toBe('br');
    expect((await json.json()).openapi).toBe(spec.openapi);
    const yaml = await fetch(`${site.url}/openapi.yaml`);
    expect(yaml.status).toBe(200);
    expect(await yaml.text()).toMatch(/^openapi: 3\.1/m);
  });
});

describe.each(Object.keys(LANGS) as Lang[])('%s reference', (lang) => {
  const expected = LANGS[lang];

  it.each(Object.keys(SIZES) as (keyof typeof SIZES)[])(
    '%s: declares its language, loads compressed within 1 MB, evaluates the viewer quietly, tables unclipped, screenshot',
    async (size) => {
      const o = await open(`/${lang}/index.html`, size, 'light', true);
      const { page } = o;
      // No Error and no console message while the viewer's script is evaluated (README "The viewer", 8).
      await expect(page.evaluate(() => performance.getEntriesByName('docs:viewer-loaded').length)).resolves.toBe(1);
      await expect(
        page.evaluate(() => (window as unknown as { __docsEvaluation: string[] }).__docsEvaluation),
      ).resolves.toEqual([]);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(expected.htmlLang);
      // Weight: everything transferred until the reference was usable.
      console.log(`${lang} ${size}: ${(o.transferred / 1024).toFixed(0)} KiB transferred before usable`);
      expect(o.transferred).toBeGreaterThan(0);
      expect(o.transferred).toBeLessThanOrEqual(ONE_MB);
      const viewer = Object.keys(o.encodings).find((p) => /\/assets\/redoc\.[0-9a-f]+\.js$/.test(p));
      expect(viewer, 'the shared viewer script').toBeTruthy();
      expect(o.encodings[viewer as string]).toBe('br');
      expect(o.encodings[`/${lang}/index.html`]).toBe('br');
      await page.screenshot({ path: join(artifacts, `${lang}-${size}.png`) });

      // No clipped error table: each table fits its column, and every cell of it is inside the table.
      await page.goto(`${site.url}/${lang}/index.html${route(taskOps[0])}`);
      await page.locator('.docs-errors-table table').first().waitFor();
      const tables = await page.$$eval('.docs-errors-table table', (ts) =>
        ts.map((t) => {
          let box = t.parentElement as HTMLElement;
          while (box && box.clientWidth === 0) box = box.parentElement as HTMLElement;
          const tr = t.getBoundingClientRect();
          const br = box.getBoundingClientRect();
          const cells = [...t.querySelectorAll('th, td')].map((c) => c.getBoundingClientRect());
          return {
            heads: [...t.querySelectorAll('th')].map((h) => h.textContent),
            overflow: t.scrollWidth - t.clientWidth,
            outside: tr.right - br.right,
            pastViewport: tr.right - document.documentElement.clientWidth,
            clippedCells: cells.filter((c) => c.width < 1 || c.right > tr.right + 1).length,
          };
        }),
      );
      expect(tables.length).toBeGreaterThan(0);
      for (const t of tables) {
        expect(t, `table ${t.heads.join('|')}`).toMatchObject({ clippedCells: 0 });
        expect(t.overflow, `table ${t.heads.join('|')} scrolls`).toBeLessThanOrEqual(1);
        expect(t.outside, `table ${t.heads.join('|')} wider than its column`).toBeLessThanOrEqual(1);
        expect(t.pastViewport, `table ${t.heads.join('|')} past the viewport`).toBeLessThanOrEqual(0);
      }
      await page.screenshot({ path: join(artifacts, `${lang}-${size}-operation.png`) });

      expect(o.problems).toEqual([]);
      await close(o);
    },
  );

  it.each(taskOps.map((op) => [op.operationId, op]))(
    '%s: heading, rate limit, every error code, the three samples',
    async (_id, op) => {
      const o = await open(`/${lang}/index.html${route(op)}`);
      const section = o.page.locator(`[data-section-id="${route(op).slice(1)}"]`);
      await section.locator('h1, h2').getByText(expected.summary(op), { exact: true }).first().waitFor();
      await expect(
        section.getByText(expected.perMinute(op['x-feishu-rate-limit'].per_minute)).first().isVisible(),
      ).resolves.toBe(true);
      for (const [status, response] of Object.entries<any>(op.responses)) {
        if (!/^[45]/.test(status)) continue;
        for (const [name, ex] of Object.entries<any>(response.content['application/json'].examples)) {
          const row = section.locator('tr', { hasText: name }).filter({ hasText: String(ex.value.code) });
          await expect(row.first().locator('td').first().textContent(), `${status} ${name}`).resolves.toBe(status);
        }
      }
      const samples = reference(lang).paths;
      const own = Object.values<any>(samples)
        .flatMap((item) => Object.values<any>(item))
        .find((x) => x?.operationId === op.operationId);
      expect(own['x-codeSamples'].map((s: any) => s.lang)).toEqual(['JavaScript', 'curl', 'Node.js']);
      expect(o.problems).toEqual([]);
      await close(o);
    },
  );

  it('the language switch keeps the operation the reader is on', async () => {
    const op = taskOps[taskOps.length - 1];
    const o = await open(`/${lang}/index.html${route(op)}`);
    const other: Lang = lang === 'en' ? 'zh' : 'en';
    const link = o.page.locator('[data-lang-switch]');
    await link.click();
    await o.page.waitForURL(`**/${other}/index.html${route(op)}`);
    await o.page.locator('h1, h2').getByText(LANGS[other].summary(op), { exact: true }).first().waitFor();
    await expect(o.page.locator('html').getAttribute('lang')).resolves.toBe(LANGS[other].htmlLang);
    await close(o);
  });

  it('shows what a member without an id gets (1470400), in this language', async () => {
    const op = ops.find((x) => x.operationId === 'addTasklistMembers');
    const items =
      reference(lang).paths['/open-apis/task/v2/tasklists/{tasklist_guid}/add_members'].post.requestBody.content[
        'application/json'
      ].schema.properties.members.items;
    const o = await open(`/${lang}/index.html${route(op)}`);
    // The sentence of id's description that names the answer, up to its first code span.
    const sentence = (items.properties.id.description as string)
      .replace(/\s+/g, ' ')
      .split(/(?<=[.。])\s*/)
      .find((p) => p.includes('1470400')) as string;
    const plain = sentence.split('`')[0]!.trim();
    expect(plain.length).toBeGreaterThan(20);
    await expect(o.page.getByText(plain.slice(-30)).first().isVisible()).resolves.toBe(true);
    await close(o);
  });

  it(`counts text in the other language and stays under the README's ceiling`, async () => {
    const ceiling = readCeiling(readFileSync(join(pkg, 'README.md'), 'utf8'), lang);
    // Every route of the reference: the introduction's sections, each tag and each operation, once.
    const intro = reference(lang).info.description as string;
    const routes = [
      '#/',
      ...[...intro.matchAll(/\{% #([\w-]+) %\}/g)].map((m) => `#/${m[1]}`),
      ...[...new Set(ops.map((op) => `#/${String(op.tags[0]).toLowerCase().replace(/\s+/g, '-')}`))],
      ...ops.map(route),
    ];
    const names = propertyNames(spec);
    const o = await open(`/${lang}/index.html`);
    const found = new Set<string>();
    for (const r of routes) {
      await o.page.goto(`${site.url}/${lang}/index.html${r}`);
      await usable(o.page);
      await o.page.waitForTimeout(300);
      for (const text of await countForeignTexts(o.page, lang, names)) found.add(`${text}`);
    }
    // And every other page of this language the build writes (getting started, the changelog, the
    // conformance report, any page added to content/), each with its bar and footer.
    const plain = readdirSync(join(pkg, 'dist', lang)).filter((f) => f.endsWith('.html') && f !== 'index.html');
    expect(plain).toEqual(expect.arrayContaining(['getting-started.html', 'changelog.html', 'conformance.html']));
    for (const file of plain) {
      await o.page.goto(`${site.url}/${lang}/${file}`);
      await o.page.waitForLoadState('load');
      for (const text of await countForeignTexts(o.page, lang, names)) found.add(`${file}: ${text}`);
    }
    console.log(
      `${lang}: ${found.size} ${lang === 'zh' ? 'English-only' : 'Chinese-only'} strings on ${routes.length} routes and ${plain.length} pages (ceiling ${ceiling}):\n  ${[...found].join('\n  ')}`,
    );
    expect(found.size).toBeLessThanOrEqual(ceiling);
    await close(o);
  });
});

describe('theme', () => {
  it('applies the CJK font stack and the brand colours (computed styles)', async () => {
    const o = await open('/zh/index.html');
    const styles = await o.page.evaluate(() => {
      const h1 = document.querySelector('#redoc h1') as HTMLElement;
      const root = getComputedStyle(document.documentElement);
      return {
        font: getComputedStyle(h1).fontFamily,
        body: getComputedStyle(document.querySelector('#redoc p') as HTMLElement).fontFamily,
        brand: root.getPropertyValue('--color-primary-base').trim(),
        brand5: root.getPropertyValue('--color-brand-5').trim(),
        brand6: root.getPropertyValue('--color-brand-6').trim(),
        sidebar: getComputedStyle(document.querySelector('.menu-content') as HTMLElement).backgroundColor,
        link: getComputedStyle(document.querySelector('#redoc p a') as HTMLElement).color,
      };
    });
    expect(styles.font).toContain('WenQuanYi Micro Hei');
    expect(styles.body).toContain('WenQuanYi Micro Hei');
    expect(styles.brand5).toBe('#3370ff');
    expect(styles.brand6).toBe('#245bdb');
    expect(styles.sidebar).toBe('rgb(245, 246, 247)');
    expect(styles.link).toBe('rgb(36, 91, 219)');
    await close(o);
  });

  it('dark mode keeps the logo title readable (the logo is inverted)', async () => {
    const o = await open('/en/index.html', 'desktop', 'dark');
    const filter = await o.page
      .locator('[data-component-name="SidebarLogo/SidebarLogo"] img')
      .evaluate((img) => getComputedStyle(img).filter);
    expect(filter).toContain('invert(1)');
    await o.page.screenshot({ path: join(artifacts, 'en-desktop-dark.png') });
    await close(o);
  });
});

describe('phone layout', () => {
  it('the navigation button sits in the bar, the copy button above the code, the panel header uncut', async () => {
    const op = taskOps[0];
    const o = await open(`/zh/index.html${route(op)}`, 'phone');
    const { page } = o;
    const bar = await page.locator('.docs-bar').boundingBox();
    const fab = await page.locator('button[aria-label="Open navigation menu"]').boundingBox();
    expect(fab && bar && fab.y + fab.height <= bar.y + bar.height + 1).toBe(true);
    const panel = page.locator('.panel-request-samples').first();
    await panel.scrollIntoViewIfNeeded();
    const geometry = await panel.evaluate((p) => {
      const copy = p.querySelector('[data-component-name="Buttons/CopyButton"]')?.getBoundingClientRect();
      const code = p.querySelector('[data-component-name="CodeBlock/CodeBlockContainer"] code, pre code, pre');
      const range = document.createRange();
      const first = code?.querySelector('span, div') ?? code;
      range.selectNodeContents(first as Node);
      const line = range.getClientRects()[0];
      const header = p.querySelector('[data-component-name="Panel/PanelHeader"]') as HTMLElement;
      const cut = [...header.querySelectorAll('*')].filter(
        (e) =>
          (e as HTMLElement).scrollWidth > (e as HTMLElement).clientWidth + 1 &&
          getComputedStyle(e).overflow !== 'visible',
      );
      return { copyBottom: copy?.bottom ?? 0, lineTop: line?.top ?? 0, cut: cut.length };
    });
    expect(geometry.copyBottom).toBeLessThanOrEqual(geometry.lineTop + 1);
    expect(geometry.cut).toBe(0);
    await close(o);
  });
});

describe('Chinese search', () => {
  // 'intro' is the introduction (its sections 频率限制 and 错误码 are one search document, at #/).
  const expectations: Record<string, string[]> = {
    权限: ['addTaskCollaborators', 'addTasklistMembers'],
    限流: ['addTaskCollaborators'],
    频率限制: ['addTaskCollaborators', 'removeTaskCollaborator', 'addTasklistMembers', 'intro'],
    执行者: ['addTaskCollaborators', 'removeTaskCollaborator'],
    成员: ['addTasklistMembers'],
    错误码: ['intro', 'addTaskCollaborators', 'removeTaskCollaborator', 'addTasklistMembers'],
  };
  it.each(Object.entries(expectations))('%s finds %j', async (word, wanted) => {
    const o = await open('/zh/index.html');
    await o.page.locator('[data-testid="search-trigger"]').click();
    const input = o.page.locator('input').last();
    await input.fill(word);
    const items = o.page.locator('a[data-component-name="Search/SearchItem"]');
    const hrefs = async () =>
      (await items.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map((h) => h.toLowerCase());
    const found = (list: string[], target: string) =>
      target === 'intro'
        ? list.some((h) => h === '#/' || h.startsWith('#/#'))
        : list.some((h) => h.split('#')[1]?.endsWith(`/${target.toLowerCase()}`));
    // Results arrive in steps (index hits, then the scan): wait until every wanted one is listed.
    await expect
      .poll(
        async () => {
          const list = await hrefs();
          return wanted.filter((t) => !found(list, t));
        },
        { timeout: 10_000 },
      )
      .toEqual([]);
    // The results' places and snippets are Chinese too (the viewer's "response 403 examples" was not).
    const snippets = await items.evaluateAll((as) => as.map((a) => a.textContent ?? ''));
    expect(snippets.join('\n')).toMatch(/\p{Script=Han}/u);
    await expect(countForeignTexts(o.page, 'zh', propertyNames(spec))).resolves.toEqual([]);
    await close(o);
  });
});

// Every page of the site: the reference's routes (the introduction and each operation) and the plain
// pages, in both languages, light and dark, at both sizes.
const plainPages = (lang: Lang) => [
  ...readdirSync(join(pkg, 'dist', lang))
    .filter((f) => f.endsWith('.html') && f !== 'index.html')
    .map((f) => `/${lang}/${f}`),
  '/index.html',
];

describe('accessibility', () => {
  const combos = (Object.keys(LANGS) as Lang[]).flatMap((lang) =>
    (['light', 'dark'] as const).flatMap((scheme) =>
      (Object.keys(SIZES) as (keyof typeof SIZES)[]).map((size) => [lang, scheme, size] as const),
    ),
  );
  it.each(combos)('%s %s %s: axe finds nothing serious or critical on any route', async (lang, scheme, size) => {
    const o = await open(`/${lang}/index.html`, size, scheme);
    const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const found: string[] = [];
    const check = async (where: string) => {
      if (!(await o.page.evaluate(() => 'axe' in window))) await o.page.addScriptTag({ content: axe });
      const v = await o.page.evaluate(async () => {
        const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
        return result.violations
          .filter((x: any) => x.impact === 'critical' || x.impact === 'serious')
          .map(
            (x: any) =>
              `${x.impact} ${x.id}: ${x.nodes.length} (${x.nodes[0]?.target}) ${x.nodes[0]?.any[0]?.message ?? ''}`,
          );
      });
      for (const x of v) found.push(`${where}: ${x}`);
    };
    for (const r of ['#/', ...ops.map(route)]) {
      await o.page.goto(`${site.url}/${lang}/index.html${r}`);
      await usable(o.page);
      await check(r);
    }
    for (const path of plainPages(lang)) {
      await o.page.goto(site.url + path);
      await check(path);
    }
    expect(found).toEqual([]);
    expect(o.problems).toEqual([]);
    await close(o);
  });
});

describe('operation pages', () => {
  const op = taskOps[0];
  const id = route(op).slice(2);

  it.each(Object.keys(LANGS) as Lang[])(
    '%s: summary card, parameters, responses, then errors and the sources, collapsed, in that order',
    async (lang) => {
      const o = await open(`/${lang}/index.html${route(op)}`);
      const section = o.page.locator(`[data-section-id="/${id}"]`);
      await section.locator('.docs-after').waitFor();
      const top = (selector: string) =>
        section
          .locator(selector)
          .first()
          .evaluate((e) => e.getBoundingClientRect().top + scrollY);
      const card = await section
        .getByText(lang === 'zh' ? '请求方法与路径' : 'Method and path', { exact: false })
        .first()
        .evaluate((e) => e.getBoundingClientRect().top + scrollY);
      const order = [
        card,
        await top(`[id="${id}/request/path"]`),
        await top(`[id="${id}/responses"]`),
        await top(`[id="${id}/request/error-codes"]`),
        await top('details.docs-sources'),
      ];
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      await expect(section.locator('details.docs-sources').getAttribute('open')).resolves.toBeNull();
      await expect(section.locator('details.docs-sources summary').textContent()).resolves.toBe(
        lang === 'zh' ? '出处' : 'Sources',
      );
      // The parameters start within three screens at desktop size (they were eight screens down, 6,200 px).
      expect(order[1]).toBeLessThan(2.75 * SIZES.desktop.height);
      await close(o);
    },
  );

  it('zh: the responses say 响应头 and 响应体, the request 请求体', async () => {
    const o = await open(`/zh/index.html${route(op)}`);
    const section = o.page.locator(`[data-section-id="/${id}"]`);
    const responses = section.locator(`[id="${id}/responses"]`).locator('xpath=../..');
    const words = await responses.evaluate((row) => {
      const found: string[] = [];
      const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) found.push((n.nodeValue ?? '').trim());
      return found;
    });
    expect(words).toContain('响应头');
    expect(words).toContain('响应体');
    expect(words).not.toContain('请求头');
    expect(words).not.toContain('请求体');
    await close(o);
  });

  it.each(Object.keys(LANGS) as Lang[])('%s: an unsourced fact says so where it is shown', async (lang) => {
    const word = lang === 'zh' ? '无出处' : 'Unsourced';
    const marked = ops.filter((x) => x['x-feishu-retry']?.['x-source']?.kind === 'unsourced');
    expect(marked.length, 'the spec marks retry safety unsourced').toBeGreaterThan(0);
    const o = await open(`/${lang}/index.html${route(marked[0])}`);
    const section = o.page.locator(`[data-section-id="${route(marked[0]).slice(1)}"]`);
    const retry = section.locator('li', { hasText: lang === 'zh' ? '重试安全性' : 'Retry safety' }).first();
    await expect(retry.textContent()).resolves.toContain(word);
    await close(o);
  });

  it.each(
    (Object.keys(SIZES) as (keyof typeof SIZES)[]).flatMap((size) =>
      (Object.keys(LANGS) as Lang[]).map((lang) => [size, lang] as const),
    ),
  )('%s %s: no badge, path, error name or heading breaks inside a word', async (size, lang) => {
    const o = await open(`/${lang}/index.html`, size);
    const broken: string[] = [];
    for (const r of ['#/', ...taskOps.map(route)]) {
      await o.page.goto(`${site.url}/${lang}/index.html${r}`);
      await usable(o.page);
      await o.page
        .locator('.docs-after')
        .first()
        .waitFor({ state: 'attached' })
        .catch(() => {});
      broken.push(
        ...(await o.page.evaluate(() => {
          const found: string[] = [];
          const targets = document.querySelectorAll(
            '[data-component-name="Tag/Tag"], [data-component-name="Panel/PanelHeader"] button span, .docs-name, #redoc h1, #redoc h2',
          );
          for (const el of targets) {
            if (!(el as HTMLElement).offsetParent) continue;
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              for (const m of (n.nodeValue ?? '').matchAll(/[A-Za-z0-9_]{2,}/g)) {
                const range = document.createRange();
                range.setStart(n, m.index!);
                range.setEnd(n, m.index! + m[0].length);
                const tops = new Set(
                  [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
                );
                if (tops.size > 1) found.push(`${el.tagName.toLowerCase()} "${m[0]}"`);
              }
            }
          }
          return found;
        })),
      );
    }
    expect([...new Set(broken)]).toEqual([]);
    await close(o);
  });
});

describe('places', () => {
  const op = taskOps[0];
  const id = route(op).slice(2);
  const barBottom = (page: Page) => page.locator('.docs-bar').evaluate((b) => b.getBoundingClientRect().bottom);
  const topOf = (page: Page, elementId: string) =>
    page.evaluate((i) => document.getElementById(i)?.getBoundingClientRect().top ?? Number.NaN, elementId);
  /** The place is just below the bar, and stays there (sections above may still be rendering). */
  const landed = async (page: Page, target: string) => {
    const gap = async () => (await topOf(page, target)) - (await barBottom(page));
    for (let settled = 0; settled < 2; settled++) {
      await expect.poll(gap, { timeout: 20_000 }).toBeGreaterThanOrEqual(0);
      await expect.poll(gap, { timeout: 20_000 }).toBeLessThanOrEqual(24);
      await page.waitForTimeout(500);
    }
  };

  it.each([`${id}/request/path`, `${id}/request/error-codes`, `${id}/responses`])(
    'a link to %s lands on it, below the bar',
    async (target) => {
      for (const size of Object.keys(SIZES) as (keyof typeof SIZES)[]) {
        const o = await open(`/en/index.html#/${target}`, size);
        await landed(o.page, target);
        await expect(o.page.getByText('404', { exact: true }).count()).resolves.toBe(0);
        await close(o);
      }
    },
  );

  it('the introduction’s headings clear the bar', async () => {
    const o = await open('/zh/index.html#/install');
    await expect
      .poll(async () => (await topOf(o.page, 'install')) - (await barBottom(o.page)), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(0);
    await close(o);
  });

  it.each(Object.keys(LANGS) as Lang[])('%s: the language switch keeps the section the reader is in', async (lang) => {
    const other: Lang = lang === 'en' ? 'zh' : 'en';
    const target = `${id}/request/error-codes`;
    const o = await open(`/${lang}/index.html#/${target}`);
    await landed(o.page, target);
    const href = await o.page.locator('[data-lang-switch]').evaluate((a) => {
      a.dispatchEvent(new Event('pointerdown'));
      return a.getAttribute('href');
    });
    expect(href).toBe(`../${other}/index.html#/${target}`);
    await o.page.locator('[data-lang-switch]').click();
    await o.page.waitForFunction((l) => document.documentElement.lang === l, LANGS[other].htmlLang);
    await usable(o.page);
    await landed(o.page, target);
    await close(o);
  });

  it('plain pages keep the section across the switch too', async () => {
    const o = await open('/en/getting-started.html#token');
    await o.page.locator('[data-lang-switch]').click();
    await o.page.waitForURL('**/zh/getting-started.html#token');
    await close(o);
  });
});

describe('viewer start', () => {
  it.each(Object.keys(LANGS) as Lang[])(
    '%s: the pre-rendered reference stays until the viewer replaces it (no loading screen between)',
    async (lang) => {
      const context = await site.browser.newContext({ viewport: SIZES.phone });
      const page = await context.newPage();
      // Each time the page changes: what #redoc holds (the pre-rendered copy, the viewer, or neither).
      await page.addInitScript(() => {
        const w = window as any;
        w.__states = [];
        new MutationObserver(() => {
          const root = document.getElementById('redoc');
          if (!root) return;
          const state = root.querySelector(':scope > .docs-prerender')
            ? 'pre-rendered'
            : root.querySelector('[data-component-name="Layout/ThreePanelLayout"]')
              ? 'viewer'
              : `neither: ${root.textContent?.slice(0, 40)}`;
          // From the moment the parser has put the pre-rendered copy in (before it, #redoc is still empty).
          if (w.__states.length ? w.__states.at(-1) !== state : state === 'pre-rendered') w.__states.push(state);
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${site.url}/${lang}/index.html`, { waitUntil: 'load' });
      await usable(page);
      expect(await page.evaluate(() => (window as any).__states)).toEqual(['pre-rendered', 'viewer']);
      await context.close();
    },
  );
});
