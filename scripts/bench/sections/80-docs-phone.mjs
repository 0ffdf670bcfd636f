// The docs site on a mid-range phone profile: headless Chromium (Debian's, driven by playwright-core)
// with 4x CPU throttling and a 1.6 Mbps / 150 ms network (CDP), 390x844, a cold cache, both languages,
// on the built site (packages/docs/dist) served as `pnpm start` serves it. Side by side in one run: the
// page as built (the reference pre-rendered into the HTML) and the same page without the pre-rendered
// reference (the viewer alone, as before). Content shown: the first operation heading painted in
// the page (pre-rendered or the viewer's). Blocking (total blocking time, as Lighthouse counts it): the
// sum of each long task's time over 50 ms after the first contentful paint, until the viewer has
// rendered, without any input, and the main thread has been quiet for 2 s; the viewer's start-up is in
// it. Its part while the viewer's script is evaluated is named apart: the long tasks from the viewer's
// mark `docs:viewer-evaluating` to boot.js's `docs:viewer-loaded` (the evaluation runs in slices that
// yield, packages/docs/scripts/viewer-slices.mjs). Also: bytes on the wire and any URL fetched twice.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { root, verdict } from '../lib.mjs';

export const title = 'Docs on a mid-range phone (4x CPU, 1.6 Mbps, 150 ms)';

const docs = join(root, 'packages/docs');
const requireFromDocs = createRequire(join(docs, 'package.json'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A copy of dist/ whose reference pages carry no pre-rendered content: the alternative. */
function withoutPrerender(dist) {
  const copy = mkdtempSync(join(tmpdir(), 'docs-bench-'));
  cpSync(dist, copy, { recursive: true });
  for (const lang of ['en', 'zh']) {
    const file = join(copy, lang, 'index.html');
    const html = readFileSync(file, 'utf8').replace(
      /<div id="redoc" class="docs-main">[\s\S]*?<\/div>\n<script>try\{var t=[\s\S]*?<\/script>/,
      '<div id="redoc" class="docs-main"><p class="docs-loading">…</p></div>',
    );
    writeFileSync(file, html);
    writeFileSync(`${file}.br`, brotliCompressSync(html));
    writeFileSync(`${file}.gz`, gzipSync(html));
  }
  return copy;
}

async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
    const look = () => {
      const h = [...document.querySelectorAll('#redoc h2')].find((e) => e.getBoundingClientRect().height > 0);
      if (h && window.__content === undefined) window.__content = performance.now();
      if (document.querySelector('[data-component-name="Layout/ThreePanelLayout"]') && window.__viewer === undefined)
        window.__viewer = performance.now();
      if (window.__viewer === undefined || window.__content === undefined) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  const urls = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!e.request.url.startsWith('data:')) urls.set(e.request.url, (urls.get(e.request.url) ?? 0) + 1);
  });
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(() => window.__viewer !== undefined && window.__content !== undefined, undefined, {
    timeout: 120_000,
  });
  // Quiet: no long task in the last 2 s.
  for (;;) {
    const last = await page.evaluate(() => Math.max(0, ...window.__long.map(([s, d]) => s + d)));
    const now = await page.evaluate(() => performance.now());
    if (now - last > 2000) break;
    await page.waitForTimeout(500);
  }
  const r = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    // Lighthouse's rule: a task's blocking part is what follows its first 50 ms, and only after the paint.
    const over = ([s, d], from) => Math.max(0, s + d - Math.max(s + 50, from));
    const from = performance.getEntriesByName('docs:viewer-evaluating')[0]?.startTime;
    const to = performance.getEntriesByName('docs:viewer-loaded')[0]?.startTime;
    // The long tasks of the evaluation: those that overlap the span between the two marks.
    const evaluation = window.__long.filter(
      ([s, d]) => from !== undefined && to !== undefined && s <= to && from <= s + d,
    );
    return {
      content: window.__content,
      viewer: window.__viewer,
      blocking: window.__long.reduce((t, task) => t + over(task, fcp), 0),
      evaluation: Math.max(0, ...evaluation.map(([, d]) => d)),
      evaluationBlocking: evaluation.reduce((t, task) => t + over(task, fcp), 0),
      fcp,
    };
  });
  await context.close();
  return { ...r, bytes, twice: [...urls].filter(([, n]) => n > 1).map(([u]) => new URL(u).pathname) };
}

export async function run({ quick }) {
  const dist = join(docs, 'dist');
  if (!existsSync(join(dist, 'en', 'index.html')))
    return ['Not measured: packages/docs/dist is missing (`pnpm build:docs`).'];
  if (!existsSync(CHROMIUM)) return [`Not measured: no Chromium at ${CHROMIUM}.`];
  const { chromium } = requireFromDocs('playwright-core');
  const { serveStatic } = await import(pathToFileURL(join(docs, 'scripts/serve.mjs')).href);
  const bare = withoutPrerender(dist);
  const built = await serveStatic(dist, 0);
  const alt = await serveStatic(bare, 0);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const runs = quick ? 1 : 5;
  const rows = [];
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  try {
    for (const lang of ['en', 'zh'])
      for (const [name, server] of [
        ['pre-rendered (as built)', built],
        ['viewer only (alternative)', alt],
      ]) {
        const all = [];
        for (let i = 0; i < runs; i++) {
          const one = await measure(browser, `${server.url}/${lang}/index.html`);
          all.push({ ...one, restBlocking: one.blocking - one.evaluationBlocking });
        }
        const m = (k) => median(all.map((x) => x[k]));
        rows.push({
          lang,
          name,
          fcp: m('fcp'),
          content: m('content'),
          viewer: m('viewer'),
          blocking: m('blocking'),
          evaluation: m('evaluation'),
          evalBlocking: m('evaluationBlocking'),
          rest: m('restBlocking'),
          kib: m('bytes') / 1024,
          twice: [...new Set(all.flatMap((x) => x.twice))],
        });
      }
  } finally {
    await browser.close();
    built.server.close();
    alt.server.close();
    rmSync(bare, { recursive: true, force: true });
  }
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const lines = [
    `Median of ${runs} cold load(s) per row (each column its own median), 390x844, Chromium CPU throttling 4x, 1.6 Mbps down, 150 ms latency.`,
    '',
    '| page | variant | first paint | content shown | viewer rendered | blocking time | viewer script evaluation: longest task | its blocking | blocking besides it | transferred | fetched twice |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.lang} | ${r.name} | ${s(r.fcp)} | ${s(r.content)} | ${s(r.viewer)} | ${s(r.blocking)} | ${s(r.evaluation)} | ${s(r.evalBlocking)} | ${s(r.rest)} | ${r.kib.toFixed(0)} KiB | ${r.twice.length ? r.twice.join(', ') : 'none'} |`,
    ),
    '',
  ];
  const builtRows = rows.filter((r) => r.name.startsWith('pre'));
  lines.push(
    `- Content shows within 2 s in both languages (${builtRows.map((r) => s(r.content)).join(', ')}): ${verdict(builtRows.every((r) => r.content <= 2000))}`,
    `- Blocking time under 1 s, from first paint until quiet, the viewer's start-up included (${builtRows.map((r) => s(r.blocking)).join(', ')}; of it while the viewer's script is evaluated ${builtRows.map((r) => s(r.evalBlocking)).join(', ')}): ${verdict(builtRows.every((r) => r.blocking < 1000))}`,
    `- No asset fetched twice: ${verdict(rows.every((r) => !r.twice.length))}`,
  );
  return lines;
}
