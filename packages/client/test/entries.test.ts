// Each entry carries only its own: the core and one operation carry no other operation's tables.
// The main entry is fetch only: a browser bundle of it carries neither the Redis store
// (@feishu-task/client/redis) nor openapi-fetch (@feishu-task/client/raw), each in an entry of its own.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adviceZh, errorCatalog } from '@feishu-task/types';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = async (entry: string, contents?: string) => {
  const result = await build({
    ...(contents
      ? { stdin: { contents, resolveDir: pkg, loader: 'ts' as const } }
      : { entryPoints: [join(pkg, entry)] }),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    external: ['ioredis'],
  });
  return result.outputFiles[0]!.text;
};

describe('entries', () => {
  it('a browser bundle of the main entry has no Redis side', async () => {
    const main = await bundle('src/index.ts');
    expect(main).toContain('MemoryQuotaStore');
    expect(main).not.toMatch(/ZREMRANGEBYSCORE|ioredis|createRedisQuotaStore/);
    expect(main).not.toMatch(/Middleware must be an object|createRawClient|openapi-fetch/);
  });

  it('the raw entry holds openapi-fetch, but no second copy of the tables or error classes', async () => {
    const raw = await bundle('src/raw.ts');
    expect(raw).toContain('Middleware must be an object');
    expect(raw).not.toMatch(/class|IdentityTokenIncorrect|replayedSuccessCodes/);
  });

  it('errors from the built raw entry are instances of the main entry classes', async () => {
    const { createClient, FeishuInputError } = await import(join(pkg, 'dist/index.js'));
    const { createRawClient } = await import(join(pkg, 'dist/raw.js'));
    const raw = createRawClient(createClient({ domain: 'http://127.0.0.1:9', auth: { tenantAccessToken: 't-x' } }));
    const error = await raw
      .DELETE('/open-apis/task/v1/tasks/{task_id}/collaborators/{collaborator_id}', {
        params: { path: { task_id: '..', collaborator_id: 'ou_1' } },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeishuInputError);
  });

  it('a core and one operation carry that operation only: no other table, no advice text, no token exchange', async () => {
    const app = await bundle(
      '',
      `import { createCore } from './src/core-entry.ts';
import { addTasklistMembers } from './src/operations/add-tasklist-members.ts';
addTasklistMembers(createCore({ auth: { tenantAccessToken: 't-x' } }), { path: { tasklist_guid: 'g' }, body: { members: [{ id: 'ou_1' }] } });`,
    );
    expect(app).toContain('TasklistNotFound');
    expect(app).toContain('FeishuBulkError');
    expect(app).not.toMatch(/collaborators|IdentityTokenIncorrect|tenant_access_token|app_secret/);
    expect(app).not.toContain(errorCatalog.TasklistNotFound.advice);
    expect(app).not.toContain(adviceZh.addTasklistMembers[1470404]);
  });

  it('the built entries share one runtime: an error from an operation entry is the main entry class', async () => {
    const { FeishuInputError } = await import(join(pkg, 'dist/index.js'));
    const { createCore } = await import(join(pkg, 'dist/core-entry.js'));
    const { removeTaskCollaborator } = await import(join(pkg, 'dist/operations/remove-task-collaborator.js'));
    const core = createCore({ domain: 'http://127.0.0.1:9', auth: { tenantAccessToken: 't-x' } });
    const error = await removeTaskCollaborator(core, { path: { task_id: '..', collaborator_id: 'ou_1' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FeishuInputError);
  });

  it('the redis entry holds the Redis store', async () => {
    expect(await bundle('src/redis.ts')).toMatch(/ZREMRANGEBYSCORE[\s\S]*createRedisQuotaStore/);
  });
});
