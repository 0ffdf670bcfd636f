// The advice texts live outside the core: a FeishuApiError from createCore carries none unless the core
// was given `advice`, and `explain` finds the same text createClient puts in its errors.
import { adviceEn, adviceZh } from '@feishu-task/types';
import { describe, expect, it } from 'vitest';
import { advice, explain } from '../src/advice.js';
import { appCredentials } from '../src/app-credentials.js';
import { createCore } from '../src/core.js';
import { createClient, FeishuApiError, FeishuInputError } from '../src/index.js';
import { addTasklistMembers } from '../src/operations/add-tasklist-members.js';
import { fakeFetch, json } from './helpers/fake-fetch.js';

const notFound = () => json(404, { code: 1470404, msg: 'tasklist not found' });
const input = { path: { tasklist_guid: 'g' }, body: { members: [{ id: 'ou_1' }] } };
const options = { domain: 'http://127.0.0.1:9', auth: { tenantAccessToken: 't-x' }, maxRetries: 0 };

describe('advice', () => {
  it('a core without `advice`: no advice in the error; explain() looks it up in English or Chinese', async () => {
    const f = fakeFetch(notFound);
    const error = await addTasklistMembers(createCore({ ...options, fetch: f.fetch }), input).catch((e) => e);
    expect(error).toBeInstanceOf(FeishuApiError);
    expect(error).toMatchObject({ codeName: 'TasklistNotFound', kind: 'not_found', advice: undefined });
    expect(error.message).not.toContain('Advice:');
    expect(explain(error)).toBe(adviceEn.TasklistNotFound);
    expect(explain(error, 'zh')).toBe(adviceZh.addTasklistMembers[1470404]);
    expect(explain(new Error('not ours'))).toBeUndefined();
  });

  it("a core with advice('zh') carries the Chinese text; createClient the English one, as before", async () => {
    const zh = await addTasklistMembers(
      createCore({ ...options, fetch: fakeFetch(notFound).fetch, advice: advice('zh') }),
      input,
    ).catch((e) => e);
    expect(zh.advice).toBe(adviceZh.addTasklistMembers[1470404]);
    expect(zh.message).toContain(`Advice: ${zh.advice}`);
    const en = await createClient({ ...options, fetch: fakeFetch(notFound).fetch })
      .addTasklistMembers(input)
      .catch((e) => e);
    expect(en.advice).toBe(adviceEn.TasklistNotFound);
  });

  it('createCore names what is wrong: app credentials without appCredentials(), an advice that is not a function', () => {
    expect(() => createCore({ auth: { appId: 'cli_x', appSecret: 's' } as never })).toThrow(
      /createCore: auth app credentials go through appCredentials\(\) from '@feishu-task\/client\/app-credentials'/,
    );
    expect(() => createCore({ auth: { tenantAccessToken: 't-x' }, advice: 'zh' as never })).toThrow(FeishuInputError);
    expect(() => createCore({ auth: appCredentials({ appId: 'cli_x', appSecret: 's' }) })).not.toThrow();
  });

  it('a language the pages do not have is a FeishuInputError naming it, not a silent fallback to English', async () => {
    const error = await addTasklistMembers(createCore({ ...options, fetch: fakeFetch(notFound).fetch }), input).catch(
      (e) => e,
    );
    for (const call of [
      () => advice('fr' as never),
      () => explain(error, 'fr' as never),
      () => explain(null, 'EN' as never),
    ])
      expect(call).toThrow(expect.objectContaining({ name: 'FeishuInputError', field: 'language' }));
    expect(() => advice('toString' as never)).toThrow(/advice: language must be 'en' or 'zh', got "toString"/);
  });
});
