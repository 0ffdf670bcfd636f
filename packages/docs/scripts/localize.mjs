// Picks one language out of the bilingual spec, generically, by the spec's conventions:
// - a node's `x-i18n.zh` fields (summary, description, title, x-displayName, name,
//   x-enum-descriptions, ...) replace the English ones on the zh page; the English stays on the en page;
// - `x-enum-descriptions` (ours) becomes Redoc's `x-enumDescriptions`;
// - `x-i18n` itself is removed.
// A text with no translation that still holds both languages in one string (the spec before it is
// fully bilingual) is split by script, so that neither page ever shows a mixed string: the Chinese
// sentences go to zh, the others to en. `untranslated` counts what had to be split or left in English.

const HAN = /\p{Script=Han}/u;
const TEXT_KEYS = new Set(['summary', 'description', 'title', 'x-displayName']);
// Data, not prose: example values and schema literals are shown as they are (a `description` inside
// an example's value is what the API answers).
const LITERAL_KEYS = new Set(['value', 'example', 'default', 'const', 'enum']);
const isLiteral = (key, value) => LITERAL_KEYS.has(key) || (key === 'examples' && Array.isArray(value));

export const hasHan = (text) => HAN.test(text);

// Literal values never decide a language and are never cut: fenced blocks, code spans, link targets,
// URLs, HTML tags (the build's mount points) and identifiers such as contact:user.employee_id:readonly or tenant_access_token.
const LITERAL = /```[\s\S]*?```|`[^`\n]*`|\[[^\]\n]*\]\([^)]*\)|https?:\/\/\S+|<\/?[a-z][^>\n]*>/g;
const IDENTIFIER = /[A-Za-z0-9]+(?:[_.:/-][A-Za-z0-9]+)+/g;

/** 'zh' when Han characters carry the sentence (at least as many Han characters as Latin words: a
 *  Chinese sentence may name an English term, an English one may quote a Chinese word), 'en' for Latin
 *  prose of two words or more, 'neutral' otherwise (numbers, names, punctuation). */
function classify(sentence) {
  const plain = sentence
    .replace(/\uE000\d+\uE000/g, ' ')
    .replace(LITERAL, ' ')
    .replace(IDENTIFIER, ' ');
  const han = (plain.match(/\p{Script=Han}/gu) ?? []).length;
  const words = (plain.match(/[A-Za-z]{2,}/g) ?? []).length;
  if (han > 0 && han >= words) return 'zh';
  if (words >= 2) return 'en';
  return 'neutral';
}

function sentencesOf(text) {
  const spans = [];
  const hidden = String(text).replace(LITERAL, (m) => `\uE000${spans.push(m) - 1}\uE000`);
  const restore = (s) => s.replace(/\uE000(\d+)\uE000/g, (_, i) => spans[Number(i)]);
  const lines = hidden.split('\n').map((line) => {
    // "中文名称 (English name)": the pages' scope names.
    const paren = /^(.*\p{Script=Han}.*?)\s*\(([^()\p{Script=Han}]+)\)\s*$/u.exec(line);
    if (paren && classify(paren[2]) === 'en')
      return [
        { text: paren[1], lang: 'zh' },
        { text: paren[2], lang: 'en' },
      ];
    // A full stop ends a sentence only before a space or the line's end (not inside openapi.yaml).
    const parts = line.match(/(?:[^.!?。！？]|[.!?](?=\S))+(?:[.!?。！？]+|$)\s*/gu) ?? [line];
    return parts.map((p) => ({ text: p, lang: classify(p) }));
  });
  return { lines, restore };
}

/** Splits a text that holds both languages into its English and Chinese parts (by line, then sentence). */
export function splitMixed(text) {
  const { lines, restore } = sentencesOf(text);
  const pick = (lang) =>
    restore(
      lines
        .map((parts) =>
          parts
            .filter((p) => p.lang === lang || p.lang === 'neutral')
            .map((p) => p.text)
            .join('')
            .trim(),
        )
        .filter((line, i) => line || !lines[i].some((p) => p.text.trim()))
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    );
  return { en: pick('en'), zh: pick('zh') };
}

const langsOf = (text) =>
  new Set(
    sentencesOf(text)
      .lines.flat()
      .map((p) => p.lang),
  );
const isMixed = (text) => {
  const langs = langsOf(text);
  return langs.has('zh') && langs.has('en');
};

/**
 * One language's text of a string that may be mixed: the part in `lang` if the string holds both,
 * else the string as it is (an untranslated text stays in its one language).
 */
export function pickText(text, lang) {
  if (typeof text !== 'string' || !isMixed(text)) return text;
  return splitMixed(text)[lang] || text;
}

export function localize(node, lang, stats = { split: 0 }) {
  if (Array.isArray(node)) return node.map((n) => localize(n, lang, stats));
  if (!node || typeof node !== 'object') return node;
  const translated = lang === 'en' ? {} : (node['x-i18n']?.[lang] ?? {});
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'x-i18n') continue;
    if (key in translated) continue;
    if (isLiteral(key, value)) {
      out[key] = structuredClone(value);
    } else if (TEXT_KEYS.has(key) && typeof value === 'string') {
      const picked = pickText(value, lang);
      if (picked !== value) stats.split++;
      out[key] = picked;
    } else if ((key === 'x-enum-descriptions' || key === 'x-enumDescriptions') && value && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => {
          const picked = pickText(v, lang);
          if (picked !== v) stats.split++;
          return [k, picked];
        }),
      );
    } else {
      out[key] = localize(value, lang, stats);
    }
  }
  for (const [key, value] of Object.entries(translated)) out[key] = value;
  // Redoc renders `x-enumDescriptions`; the spec's convention is `x-enum-descriptions`.
  if (out['x-enum-descriptions']) {
    out['x-enumDescriptions'] = { ...(out['x-enumDescriptions'] ?? {}), ...out['x-enum-descriptions'] };
    delete out['x-enum-descriptions'];
  }
  return out;
}

/** Every text of a localized document that is not in `lang`: `mixed` when it holds both languages. */
export function foreignTexts(doc, lang) {
  const found = [];
  const visit = (node, at) => {
    if (Array.isArray(node)) {
      for (const [i, n] of node.entries()) visit(n, `${at}/${i}`);
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const here = `${at}/${key}`;
      if (isLiteral(key, value)) continue;
      if (typeof value === 'string' && (TEXT_KEYS.has(key) || /enumDescriptions$/.test(at))) {
        const langs = langsOf(value);
        if (langs.has('zh') && langs.has('en')) found.push({ path: here, text: value, mixed: true });
        else if (langs.has(lang === 'zh' ? 'en' : 'zh')) found.push({ path: here, text: value });
      } else visit(value, here);
    }
  };
  visit(doc, '');
  return found;
}
