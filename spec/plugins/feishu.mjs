// Redocly plugin with the spec's own rules:
// - feishu/extension-shapes: every x-feishu-*, x-source, x-i18n and x-enum-descriptions value matches its
//   JSON Schema in ../extensions/ (one shape per extension); an x-feishu-* without a schema is an error.
// - feishu/bilingual-text: every human-readable text exists in English and in Chinese (x-i18n.zh, same
//   keys), and no string mixes the two: English text holds no Chinese, Chinese text holds Chinese; and a
//   Chinese text's sentences do not run together across a line break.
// - feishu/concurrent-per-path-parameter: an error example's x-feishu-error.concurrent.per names a path
//   parameter of its operation (clients key their one-at-a-time line by that parameter's value).
import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const dir = new URL('../extensions/', import.meta.url);
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
const validators = new Map();
for (const file of readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) {
  const schema = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
  ajv.addSchema(schema);
  validators.set(file.replace('.schema.json', ''), schema.$id);
}
const validatorFor = (key) => (validators.has(key) ? ajv.getSchema(validators.get(key)) : undefined);

// CJK ideographs, CJK and full-width punctuation.
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
// Texts of typed nodes (operations, parameters, schemas...) and of extension values.
const NODE_TEXT = ['title', 'summary', 'description', 'x-displayName'];
const EXTENSION_TEXT = [...NODE_TEXT, 'name'];
const TEXT_MAPS = ['x-enum-descriptions', 'x-feishu-scope-names'];

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function ExtensionShapes() {
  return {
    any: {
      enter(node, ctx) {
        if (!isObject(node)) return;
        for (const [key, value] of Object.entries(node)) {
          if (!key.startsWith('x-')) continue;
          const validate = validatorFor(key);
          if (!validate) {
            if (key.startsWith('x-feishu-'))
              ctx.report({
                message: `${key} has no JSON Schema in spec/extensions/ (add ${key}.schema.json).`,
                location: ctx.location.child([key]).key(),
              });
            continue;
          }
          if (!validate(value)) {
            for (const e of validate.errors)
              ctx.report({
                message: `${key}${e.instancePath} ${e.message} (spec/extensions/${key}.schema.json).`,
                location: ctx.location.child([key, ...e.instancePath.split('/').filter(Boolean)]),
              });
          }
        }
      },
    },
  };
}

// Five English words in a row, once code spans and link targets are set aside, is an English sentence.
const ENGLISH_RUN = /[A-Za-z][A-Za-z'-]*(?:[ ,]+[A-Za-z][A-Za-z'-]*){4,}/;
const prose = (text) => text.replace(/`[^`]*`/g, ' ').replace(/\]\([^)]*\)/g, ']');

// Markdown joins a line break into one paragraph: a Chinese line that ends without punctuation, followed
// by a line that starts a new Chinese sentence, runs two sentences together ("不能重复添加 若是...").
const IDEOGRAPH = '[\\u3400-\\u4dbf\\u4e00-\\u9fff]';
const RUN_ON = new RegExp(`${IDEOGRAPH}\\n[ \\t]*(?:\\*\\*)?${IDEOGRAPH}`);

function checkPair(report, en, zh, where) {
  if (typeof en === 'string' && CHINESE.test(en))
    report(`${where}: the English text holds Chinese; move it to x-i18n.zh.`);
  if (typeof zh !== 'string') report(`${where}: no Chinese text (x-i18n.zh).`);
  else if (!CHINESE.test(zh)) report(`${where}: the Chinese text (x-i18n.zh) holds no Chinese.`);
  else if (ENGLISH_RUN.test(prose(zh)))
    report(`${where}: the Chinese text holds an English sentence ("${ENGLISH_RUN.exec(prose(zh))[0]}").`);
  else if (RUN_ON.test(zh))
    report(
      `${where}: a line break between two Chinese characters at "${RUN_ON.exec(zh)[0].replace(/\s+/g, ' ')}" runs them together (Markdown joins the lines): end the sentence with 。 or join the lines.`,
    );
}

// Checks one object: its texts against its x-i18n.zh, then recurses into extension values.
function checkObject(obj, textKeys, report, path, inExtension = false) {
  const zh = obj['x-i18n']?.zh;
  for (const key of textKeys) {
    if (typeof obj[key] === 'string') checkPair(report(path, key), obj[key], zh?.[key], key);
  }
  for (const key of TEXT_MAPS) {
    if (!isObject(obj[key])) continue;
    for (const [value, text] of Object.entries(obj[key]))
      checkPair(report(path, key), text, zh?.[key]?.[value], `${key}.${value}`);
  }
  if (isObject(zh)) {
    for (const key of Object.keys(zh))
      if (!(key in obj)) report(path, 'x-i18n')(`x-i18n.zh.${key} has no English ${key} beside it.`);
    for (const key of TEXT_MAPS)
      for (const value of Object.keys(zh[key] ?? {}))
        if (!(value in (obj[key] ?? {}))) report(path, 'x-i18n')(`x-i18n.zh.${key}.${value} has no English note.`);
  }
  // {en, zh} pairs (advice, notes) and bilingual objects inside extension values.
  if (typeof obj.en === 'string' || typeof obj.zh === 'string') checkPair(report(path, 'en'), obj.en, obj.zh, 'en/zh');
  // Typed nodes are visited by the walker; inside an extension value every nested object is ours to check.
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'x-i18n' || (!inExtension && !key.startsWith('x-'))) continue;
    const items = Array.isArray(value) ? value.map((v, i) => [v, [key, i]]) : [[value, [key]]];
    for (const [item, at] of items)
      if (isObject(item)) checkObject(item, EXTENSION_TEXT, report, [...path, ...at], true);
  }
}

function BilingualText() {
  return {
    any: {
      enter(node, ctx) {
        if (!isObject(node)) return;
        const report = (path, key) => (message) =>
          ctx.report({ message, location: ctx.location.child([...path, key]) });
        checkObject(node, NODE_TEXT, report, []);
      },
    },
  };
}

// Path parameters are the names in the path template (the built-in path-params-defined rule holds every
// operation's declared path parameters to the same names).
const PATH_PARAM = /\{([^}]+)\}/g;

function ConcurrentPerPathParameter() {
  let path;
  let names;
  return {
    PathItem: {
      enter(_, ctx) {
        path = String(ctx.key);
        names = [...path.matchAll(PATH_PARAM)].map((m) => m[1]);
      },
      Example(example, ctx) {
        const per = example?.['x-feishu-error']?.concurrent?.per;
        if (per === undefined || names.includes(per)) return;
        ctx.report({
          message: `x-feishu-error.concurrent.per is "${per}", not a path parameter of ${path} (${names.length ? names.join(', ') : 'it has none'}).`,
          location: ctx.location.child(['x-feishu-error', 'concurrent', 'per']),
        });
      },
    },
  };
}

// The gateway's answers live under a root extension; typed as a status-keyed map of Responses, Redocly's
// bundler resolves the $refs inside them like any other response's (an untyped extension is copied as is,
// and a relative $ref in it would no longer resolve from the bundle).
const withGatewayResponses = (types) => ({
  ...types,
  Root: { ...types.Root, properties: { ...types.Root.properties, 'x-feishu-gateway-responses': 'Responses' } },
});

export default function feishuPlugin() {
  return {
    id: 'feishu',
    typeExtension: { oas3: withGatewayResponses },
    rules: {
      oas3: {
        'extension-shapes': ExtensionShapes,
        'bilingual-text': BilingualText,
        'concurrent-per-path-parameter': ConcurrentPerPathParameter,
      },
    },
  };
}
