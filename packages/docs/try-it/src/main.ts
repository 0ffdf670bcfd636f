// The entry every reference page loads (the docs build adds it when try-it/dist exists). It finds each
// operation's mount, `<div data-try-it="operationId">`, as the viewer renders it, and puts a "Try it"
// button there; the panel and the emulator load on the first click. Nothing is sent over the network.

import summaries from 'try-it:summaries';
import { h, hidden } from './dom.js';
import { labels, pageLang } from './labels.js';
import { STYLE } from './style.js';

const lang = pageLang();
const t = labels[lang];
let panelModule: Promise<typeof import('./panel.js')> | undefined;
const loadPanel = () => {
  panelModule ??= import('./panel.js');
  return panelModule;
};

/** Operations whose panel is open: a mount the viewer renders again opens with the same panel. */
const open = new Set<string>();
/** The newest mount of each operation (the viewer may replace one while its panel is loading). */
const latest = new Map<string, (expanded: boolean) => Promise<void>>();

function mount(el: HTMLElement) {
  if (el.dataset.tryItReady !== undefined) return;
  el.dataset.tryItReady = '';
  const id = el.dataset.tryIt ?? '';
  const domId = `try-it-${id}`;
  const toggle = h(
    'button',
    { type: 'button', class: 'try-it-toggle', 'aria-expanded': 'false' },
    t.tryIt,
    hidden(`${t.colon}${summaries[id]?.[lang] ?? id}`),
  );
  const show = async (expanded: boolean): Promise<void> => {
    const loaded = await loadPanel().catch((e: unknown) => {
      // Offline before the first use, for instance: say so where the panel would be, and let a click retry.
      panelModule = undefined;
      el.querySelector('.try-it-failed')?.remove();
      el.append(
        h(
          'p',
          { class: 'try-it-failed', role: 'alert' },
          `${t.loadFailed} ${e instanceof Error ? e.message : String(e)}`,
        ),
      );
    });
    if (!loaded) return;
    el.querySelector('.try-it-failed')?.remove();
    if (!el.isConnected && latest.get(id) !== show) return latest.get(id)?.(expanded);
    const panel = loaded.panelFor(id, lang, domId);
    if (panel.parentElement !== el) el.append(panel);
    panel.hidden = !expanded;
    toggle.setAttribute('aria-controls', domId);
    toggle.setAttribute('aria-expanded', String(expanded));
  };
  latest.set(id, show);
  // Start fetching the panel as soon as the reader shows interest.
  for (const event of ['pointerenter', 'focus']) toggle.addEventListener(event, () => void loadPanel(), { once: true });
  toggle.addEventListener('click', () => {
    const expanded = toggle.getAttribute('aria-expanded') !== 'true';
    if (expanded) open.add(id);
    else open.delete(id);
    return show(expanded);
  });
  el.replaceChildren(toggle);
  if (open.has(id)) void show(true);
}

document.head.append(h('style', { 'data-try-it-style': '' }, STYLE));
// The docs' boot script announces each mount point the viewer renders (README: "Try it hook"); those
// rendered before this script ran are found by the scan.
document.addEventListener('docs:try-it-mount', (e) => {
  const element = (e as CustomEvent<{ element?: unknown }>).detail?.element;
  if (element instanceof HTMLElement) mount(element);
});
for (const el of document.querySelectorAll<HTMLElement>('[data-try-it]')) mount(el);
