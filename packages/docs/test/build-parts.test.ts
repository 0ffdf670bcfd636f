// The build's pure parts, on small synthetic inputs that hold what the spec will hold once it is fully
// bilingual (x-i18n beside every text, x-enum-descriptions, x-source, x-feishu-retry).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { changelogEntries, parseChangeset } from '../scripts/changelog.mjs';
// @ts-expect-error plain ESM helper without types
import { changelogBody } from '../scripts/changelog-page.mjs';
// @ts-expect-error plain ESM helper without types
import { foreignTexts, localize, splitMixed } from '../scripts/localize.mjs';
// @ts-expect-error plain ESM helper without types
import { afterResponses, breakable } from '../scripts/operation-after.mjs';
// @ts-expect-error plain ESM helper without types
import { summaryCard } from '../scripts/operation-card.mjs';
// @ts-expect-error plain ESM helper without types
import { markUnsourced } from '../scripts/unsourced.mjs';
// @ts-expect-error plain ESM helper without types
import { sliced } from '../scripts/viewer-slices.mjs';

const schema = {
  description: 'User ID type.',
  'x-enum-descriptions': { open_id: 'Identity within one app.' },
  'x-i18n': { zh: { description: '用户 ID 类型。', 'x-enum-descriptions': { open_id: '应用内的用户身份。' } } },
};

describe('localize', () => {
  it('takes the zh fields where present and renames x-enum-descriptions for the viewer', () => {
    expect(localize(schema, 'zh')).toEqual({
      description: '用户 ID 类型。',
      'x-enumDescriptions': { open_id: '应用内的用户身份。' },
    });
    expect(localize(schema, 'en')).toEqual({
      description: 'User ID type.',
      'x-enumDescriptions': { open_id: 'Identity within one app.' },
    });
  });

  it('splits an untranslated mixed text by script, keeping code spans and quoted terms', () => {
    expect(splitMixed('0 on success. 错误码，非 0 表示失败。')).toEqual({
      en: '0 on success.',
      zh: '错误码，非 0 表示失败。',
    });
    const quoted =
      'A v1 `task_id` is a v2 `task_guid`, and a v1 *collaborator* is what v2 calls an *assignee* ("执行者").';
    expect(splitMixed(quoted).en).toBe(quoted);
    expect(splitMixed("获取用户 user ID (obtain users' user ID)")).toEqual({
      zh: '获取用户 user ID',
      en: "obtain users' user ID",
    });
    expect(localize({ summary: 'Invalid `msg 清单不存在。` here, and more words.' }, 'en').summary).toContain(
      '`msg 清单不存在。`',
    );
  });

  it('leaves example values and schema literals as they are', () => {
    const example = {
      summary: 'An answer',
      value: { msg: 'ok', error: { description: 'the max len is 50. 长度超限。' } },
    };
    expect(localize(example, 'zh').value).toEqual(example.value);
    expect(foreignTexts(localize(example, 'zh'), 'zh')).toEqual([{ path: '/summary', text: 'An answer' }]);
  });

  it('reports texts still in the other language, and never a mixed one after localizing', () => {
    const doc = localize(
      { a: { description: 'Only English here, no translation.' }, b: { description: 'Mixed text here. 中文。' } },
      'zh',
    );
    expect(foreignTexts(doc, 'zh')).toEqual([{ path: '/a/description', text: 'Only English here, no translation.' }]);
  });
});

describe('operation page parts', () => {
  const op = {
    operationId: 'addThings',
    security: [{ tenant_access_token: [] }],
    'x-feishu-scopes': ['task:task'],
    'x-feishu-rate-limit': { per_minute: 100 },
    'x-feishu-retry': {
      idempotent: false,
      replayedSuccessCodes: [1470431],
      'x-source': { kind: 'unsourced', note: { en: 'Inferred from the codes.', zh: '由错误码推断。' } },
    },
    'x-source': { kind: 'page', url: 'https://open.feishu.cn/document/x' },
    requestBody: {
      content: {
        'application/json': {
          schema: {
            properties: {
              members: { type: 'array', items: { description: 'The page marks id optional; it is required here.' } },
              limit: {
                type: 'integer',
                description: 'How many.',
                'x-source': {
                  kind: 'unsourced',
                  note: { en: 'Observed, not documented.', zh: '观察所得，文档未说明。' },
                },
              },
            },
          },
        },
      },
    },
    responses: {
      '400': {
        content: {
          'application/json': {
            examples: {
              AlreadyCollaborators: {
                value: { code: 1470431, msg: 'Users are all collaborators of tasks.' },
                'x-feishu-error': { code: 1470431, advice: { en: 'Nothing to add.', zh: '无需添加。' } },
              },
            },
          },
        },
      },
    },
  };
  const card = (lang: string) =>
    summaryCard({
      operation: op,
      lang,
      path: '/open-apis/t/{id}',
      method: 'post',
      errorsHref: '#/t/addthings/request/error-codes',
    });

  it('the card opens with method and path, then scopes, rate limit, tokens, retry; unsourced facts say so', () => {
    const en = card('en');
    const order = [
      'Method and path',
      'Required scopes',
      'Rate limit',
      'Access tokens',
      'Retry safety',
      'Official page',
      'Error codes',
    ].map((label) => en.indexOf(`**${label}`));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(en).toContain('POST /<wbr>open-apis/<wbr>t/<wbr>{id}');
    expect(en).toContain('100 requests per minute');
    expect(en).toMatch(/not idempotent.*`1470431`.*\*\*Unsourced\*\*: Inferred from the codes\./);
    expect(en).toContain('[1 documented, listed after the responses](#/t/addthings/request/error-codes)');
    expect(en).toContain('The page marks id optional; it is required here.');
    const zh = card('zh');
    expect(zh).toContain('非幂等');
    expect(zh).toContain('**无出处**：由错误码推断。');
  });

  it('after the responses: the error table, then the sources collapsed, grouped in plain words', () => {
    const html = afterResponses({ operation: op, lang: 'en', sectionId: 't/addthings' });
    expect(html.indexOf('id="t/addthings/request/error-codes"')).toBeLessThan(html.indexOf('<details'));
    expect(html).toContain('<strong>1470431</strong> <code class="docs-name">Already<wbr>Collaborators</code>');
    expect(html).toMatch(/<details class="docs-sources"><summary id="t\/addthings\/sources">Sources<\/summary>/);
    expect(html).toContain('field `limit`'.replace(/`(\w+)`/, '<code>$1</code>'));
    expect(html).toMatch(
      /<li class="docs-unsourced"><strong>Unsourced<\/strong>: <code>x-feishu-retry<\/code>\. Inferred/,
    );
    const zh = afterResponses({ operation: op, lang: 'zh', sectionId: 't/addthings' });
    expect(zh).toContain('<summary id="t/addthings/sources">出处</summary>');
    expect(zh).toContain('<th>描述与排查建议</th>');
  });

  it('identifiers break only between their words', () => {
    expect(breakable('TaskUpdateRefused')).toBe('Task<wbr>Update<wbr>Refused');
    expect(breakable('x-ogw-ratelimit-reset')).toBe('x-<wbr>ogw-<wbr>ratelimit-<wbr>reset');
  });

  it('marks an unsourced schema in its own description, in the page language', () => {
    const doc = structuredClone(op);
    expect(markUnsourced(doc, 'zh')).toBe(1);
    expect(doc.requestBody.content['application/json'].schema.properties.limit.description).toBe(
      'How many.\n\n_（**无出处**：观察所得，文档未说明。）_',
    );
  });
});

describe('viewer slices', () => {
  // A bundle shaped as Redoc's: its modules start in one function whose result the module exports. The
  // first statement takes 40 ms (over a slice); a task queued before it must run right after it.
  const bundle = [
    'const{order}=(()=>{var order=[];setTimeout(()=>order.push(`other task`));',
    'const t=performance.now();for(;performance.now()-t<40;);',
    'function f(){return `one`}order.push(f());order.push(two);var two=`two`;',
    'class C{static three=`three`}order.push(C.three);return{order:[...order]}})();export{order};',
  ].join('');
  const run = async (code: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'viewer-slices-')), 'bundle.mjs');
    writeFileSync(file, code);
    return (await import(/* @vite-ignore */ pathToFileURL(file).href)).order;
  };

  it('yields to other tasks between its statements once a slice is over, in the same order and scope', async () => {
    expect(await run(bundle)).toEqual(['one', undefined, 'three']);
    expect(await run(sliced(bundle))).toEqual(['other task', 'one', undefined, 'three']);
  });

  it('fails the build when the bundle has no single start function', () => {
    expect(() => sliced('export const a=1;')).toThrow(/found 0 start functions/);
  });
});

describe('changelog', () => {
  it('reads the changesets of the workspace', () => {
    expect(parseChangeset('---\n"@feishu-task/client": minor\n---\n\nFirst release.')).toEqual({
      packages: [{ name: '@feishu-task/client', bump: 'minor' }],
      body: 'First release.',
    });
    const { pending } = changelogEntries();
    expect(pending.length).toBeGreaterThan(0);
    for (const c of pending) expect(c.packages.length, c.file).toBeGreaterThan(0);
  });

  it('puts the API description changes first, dated, and groups package changes per package', () => {
    const html = changelogBody('en');
    const api = html.indexOf('<h2 id="api">');
    const packages = html.indexOf('<h2 id="packages">');
    expect(api).toBeGreaterThan(0);
    expect(packages).toBeGreaterThan(api);
    const { pending } = changelogEntries();
    const spec = pending.filter((c: any) => c.packages.some((p: any) => p.name === '@feishu-task/openapi'));
    expect(spec.length).toBeGreaterThan(0);
    for (const c of spec) {
      expect(c.date, c.file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const at = html.indexOf(`<time datetime="${c.date}">`, api);
      expect(at, c.file).toBeGreaterThan(api);
      expect(at, c.file).toBeLessThan(packages);
    }
    // Only package groups below the packages heading; the spec is not one of them.
    expect(html.slice(packages)).toContain('<h3 id="feishu-task-client"><code>@feishu-task/client</code></h3>');
    expect(html.slice(packages)).not.toContain('<h3 id="feishu-task-openapi">');
  });
});
