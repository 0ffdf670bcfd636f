// The build's pure parts, on small synthetic inputs that hold what the spec will hold once it is fully
// bilingual (x-i18n beside every text, x-enum-descriptions, x-source, x-feishu-retry).
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { changelogEntries, parseChangeset } from '../scripts/changelog.mjs';
// @ts-expect-error plain ESM helper without types
import { foreignTexts, localize, splitMixed } from '../scripts/localize.mjs';
// @ts-expect-error plain ESM helper without types
import { operationNotes } from '../scripts/operation-notes.mjs';

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

describe('operation notes', () => {
  const op = {
    'x-feishu-rate-limit': { per_minute: 100 },
    'x-feishu-retry': { idempotent: false, replayedSuccessCodes: [1470431] },
    'x-source': { kind: 'page', url: 'https://open.feishu.cn/document/x' },
    requestBody: {
      content: {
        'application/json': {
          schema: {
            properties: {
              members: { type: 'array', items: { description: 'The page marks id optional; it is required here.' } },
              limit: {
                type: 'integer',
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
    responses: {},
  };

  it('shows the official page, retry safety, the item note and unsourced facts, in the page language', () => {
    const en = operationNotes(op, 'en');
    expect(en).toContain('[https://open.feishu.cn/document/x](https://open.feishu.cn/document/x)');
    expect(en).toContain('not idempotent');
    expect(en).toContain('`1470431` means the first attempt applied');
    expect(en).toContain('The page marks id optional; it is required here.');
    expect(en).toMatch(/`limit`: unsourced \(observed or inferred; no page states it\) — Observed, not documented\./);
    const zh = operationNotes(op, 'zh');
    expect(zh).toContain('非幂等');
    expect(zh).toContain('无文档来源');
    expect(zh).toContain('观察所得，文档未说明。');
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
});
