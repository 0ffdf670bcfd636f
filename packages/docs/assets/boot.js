// Shared by both language pages (cached once): installs the page's label dictionary for the viewer,
// keeps the language switch pointing at the same place in the other language, and renders the page.
import { init } from './__VIEWER__';

const config = JSON.parse(document.getElementById('docs-config').textContent);
const labels = config.labels;
globalThis.__docsTranslate = (key, fallback) => labels[key] ?? labels[fallback] ?? fallback;

// A few of the viewer's words are written into its markup without passing the translator: the same
// dictionary replaces such text nodes when their whole text is one of its entries.
const texts = config.texts ?? {};
const translateNode = (node) => {
  const text = node.nodeValue.trim();
  if (Object.hasOwn(texts, text)) node.nodeValue = node.nodeValue.replace(text, texts[text]);
};
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
}).observe(document.body, { childList: true, subtree: true, characterData: true });

// The reader's place is the hash route (#/tag/operation): the other language has the same routes.
const switches = document.querySelectorAll('[data-lang-switch]');
const keepPlace = () => {
  for (const a of switches) a.setAttribute('href', `${a.dataset.langSwitch}${location.hash}`);
};
keepPlace();
addEventListener('hashchange', keepPlace);
for (const a of switches) a.addEventListener('click', keepPlace);
for (const a of switches) a.addEventListener('focus', keepPlace);

const response = await fetch(config.spec);
const spec = await response.json();
init(spec, config.options, document.getElementById('redoc'));
