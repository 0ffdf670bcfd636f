// Shared by both language pages (cached once): installs the page's label dictionary for the viewer,
// keeps the language switch pointing at the same place in the other language, and renders the page.
import { init } from './__VIEWER__';

const config = JSON.parse(document.getElementById('docs-config').textContent);
const labels = config.labels;
globalThis.__docsTranslate = (key, fallback) => labels[key] ?? labels[fallback] ?? fallback;

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
