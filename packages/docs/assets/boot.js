// Shared by both language pages (cached once): installs the page's label dictionary for the viewer,
// puts each operation's error table and sources after its responses, lands section links on their
// section below the bar, keeps the language switch pointing at the reader's section, and renders the
// page.
import { start } from './__VIEWER__';

// The viewer's script has been evaluated (in slices that yield, scripts/viewer-slices.mjs): the bench
// (scripts/bench/sections/80-docs-phone.mjs) counts its evaluation from the viewer's mark to this one.
performance.mark('docs:viewer-loaded');

const config = JSON.parse(document.getElementById('docs-config').textContent);
const labels = config.labels;
globalThis.__docsTranslate = (key, fallback) => labels[key] ?? labels[fallback] ?? fallback;

// A few of the viewer's words are written into its markup without passing the translator: the same
// dictionary replaces such text nodes when their whole text is one of its entries.
const texts = config.texts ?? {};
// An API path shown as a label (the samples panel's header) may wrap only after a slash: a zero-width
// space follows each slash (taken out again when copied), since browsers do not break there.
const PATH = /^\/open-apis\/\S+$/;
// Search results name a hit's place with the viewer's internal English words ("response 401 examples").
const places = (config.searchPlaces ?? []).map(([en, word]) => [new RegExp(`\\b${en}\\b`, 'g'), word]);
const translateNode = (node) => {
  const text = node.nodeValue.trim();
  if (
    places.length &&
    /^[a-z0-9 →·]+$/.test(text) &&
    node.parentElement?.closest('[data-component-name="Search/SearchItem"]')
  ) {
    let value = node.nodeValue;
    for (const [re, word] of places) value = value.replace(re, word);
    if (value !== node.nodeValue) node.nodeValue = value;
    return;
  }
  if (Object.hasOwn(texts, text)) node.nodeValue = node.nodeValue.replace(text, texts[text]);
  else if (PATH.test(text) && !node.parentElement?.closest('code, pre, input, textarea'))
    node.nodeValue = node.nodeValue.replace(/\/(?!\u200b)/g, '/\u200b');
};
document.addEventListener('copy', (e) => {
  const text = getSelection()?.toString() ?? '';
  if (!text.includes('\u200b')) return;
  e.clipboardData.setData('text/plain', text.replaceAll('\u200b', ''));
  e.preventDefault();
});
const translateTree = (root) => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) translateNode(n);
};
// Code blocks scroll sideways: they take keyboard focus so that the scroll can be reached (axe
// scrollable-region-focusable).
const focusable = (root) => {
  for (const pre of root.querySelectorAll?.('pre:not([tabindex])') ?? []) pre.setAttribute('tabindex', '0');
};

// "Try it" mount points (README: "Try it hook"): the viewer renders an operation lazily and may render
// it again, so each new `[data-try-it]` element is announced once, with its operationId.
const announced = new WeakSet();
const announceMounts = (root) => {
  const found = root.matches?.('[data-try-it]') ? [root] : [...(root.querySelectorAll?.('[data-try-it]') ?? [])];
  for (const element of found) {
    if (announced.has(element)) continue;
    announced.add(element);
    document.dispatchEvent(
      new CustomEvent('docs:try-it-mount', {
        detail: { operationId: element.dataset.tryIt, element, lang: config.lang },
      }),
    );
  }
};

// Each operation's error table and sources (x-docs-after, HTML written by the build) follow its
// responses, as on the official pages: the viewer renders the description before the parameters, so
// they are placed here, as the operation section's last child, whenever the viewer (re)renders it.
const after = new Map();
const placeAfter = () => {
  for (const section of document.querySelectorAll('[data-section-id]')) {
    const html = after.get(section.dataset.sectionId);
    if (!html || section.childElementCount < 2 || section.lastElementChild?.classList.contains('docs-after')) continue;
    section.querySelector(':scope > .docs-after')?.remove();
    const block = document.createElement('section');
    block.className = 'docs-after';
    block.innerHTML = html;
    section.append(block);
  }
};

let pending = false;
const settle = () => {
  pending = false;
  placeAfter();
  land();
};
new MutationObserver((mutations) => {
  for (const m of mutations) {
    if (m.type === 'characterData') translateNode(m.target);
    for (const n of m.addedNodes) {
      if (n.nodeType === Node.TEXT_NODE) translateNode(n);
      else if (n.nodeType === Node.ELEMENT_NODE) {
        translateTree(n);
        focusable(n.parentElement ?? n);
        announceMounts(n);
      }
    }
  }
  if (!pending) {
    pending = true;
    requestAnimationFrame(settle);
  }
}).observe(document.body, { childList: true, subtree: true, characterData: true });

// Section links (#/tag/operation/request/path, #/quickstart, ...) land on their section, below the
// bar: the viewer scrolls to the operation, and sections above may still grow as they render, so the
// target is placed again on each change until the reader scrolls or a few seconds have passed.
let pendingHash = '';
const bar = () => document.querySelector('.docs-bar')?.getBoundingClientRect().height ?? 0;
const routeTarget = () => {
  const id = decodeURIComponent((pendingHash || location.hash).replace(/^#\/?/, ''));
  return id ? document.getElementById(id) : null;
};
let landing = 0;
const land = () => {
  if (!landing || Date.now() > landing) return;
  const target = routeTarget();
  if (!target) return;
  if (target.tagName === 'SUMMARY') target.parentElement.open = true;
  const top = target.getBoundingClientRect().top - bar() - 8;
  if (Math.abs(top) > 2) window.scrollBy(0, top);
};
const startLanding = () => {
  landing = location.hash.length > 2 ? Date.now() + 4000 : 0;
  requestAnimationFrame(land);
  setTimeout(land, 300);
  setTimeout(land, 1200);
};
for (const type of ['wheel', 'touchstart', 'keydown', 'mousedown']) addEventListener(type, () => (landing = 0));
addEventListener('hashchange', startLanding);

// The viewer's router knows sections (#/quickstart, #/tag, #/tag/operation) but shows its 404 page for
// a place inside an operation (#/tag/operation/request/path, .../request/error-codes): such a route is
// handed to the viewer as its operation's route, and the address bar gets the full route back once
// the viewer has read it; links to such places are followed here, not by the viewer.
const INSIDE = /^(#\/[^/]+\/[^/]+)\/.+$/;
const ownRoute = (hash) => INSIDE.test(hash);
const enterOwnRoute = (hash, restoreAfter) => {
  pendingHash = hash;
  history.replaceState(history.state, '', hash.replace(INSIDE, '$1'));
  setTimeout(() => {
    if (pendingHash !== hash) return;
    pendingHash = '';
    history.replaceState(history.state, '', hash);
  }, restoreAfter);
};
// Back and forward to such a route: the viewer, listening after this, reads the operation's route.
addEventListener('hashchange', () => {
  if (ownRoute(location.hash)) enterOwnRoute(location.hash, 300);
});
document.addEventListener(
  'click',
  (e) => {
    const a = e.target.closest?.('a[href^="#/"]');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    const href = a.getAttribute('href');
    if (ownRoute(href)) {
      e.preventDefault();
      e.stopPropagation();
      history.pushState(history.state, '', href);
      startLanding();
    } else if (href === location.hash) setTimeout(startLanding);
  },
  true,
);

// The reader's place is a route (#/tag/operation/...): the other language has the same routes and ids,
// so the switch carries the id of the last section heading above the top of the window.
const switches = document.querySelectorAll('[data-lang-switch]');
const currentRoute = () => {
  const line = bar() + 16;
  let best = null;
  for (const el of document.querySelectorAll('#api-content [id]')) {
    if (!/^[a-z0-9][\w-]*(\/|$)/.test(el.id)) continue;
    const r = el.getBoundingClientRect();
    if ((r.height || r.width) && r.top <= line) best = el;
  }
  return best ? `#/${best.id}` : location.hash;
};
const keepPlace = () => {
  for (const a of switches) a.setAttribute('href', `${a.dataset.langSwitch}${currentRoute()}`);
};
for (const a of switches) {
  a.addEventListener('click', keepPlace);
  a.addEventListener('focus', keepPlace);
  a.addEventListener('pointerdown', keepPlace);
}

const response = await fetch(config.spec);
const spec = await response.json();
for (const item of Object.values(spec.paths ?? {}))
  for (const op of Object.values(item))
    if (op?.['x-docs-after'] && op.operationId)
      after.set(
        `/${String(op.tags?.[0] ?? '')
          .toLowerCase()
          .replace(/\s+/g, '-')}/${op.operationId.toLowerCase()}`,
        op['x-docs-after'],
      );
if (ownRoute(location.hash)) enterOwnRoute(location.hash, 1500);
// The viewer's script has just been evaluated: yield before building its reference.
await new Promise((resolve) => setTimeout(resolve));
await start(spec, config.options, document.getElementById('redoc'));
startLanding();
