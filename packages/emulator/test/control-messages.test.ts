// A refused control input says what would have been accepted: every choice of a union (read from the
// schema, not written per field), and a body of the wrong kind is named as the body.
import { expect, it } from 'vitest';
import { createEmulator, createFetchHandler } from '../src/engine-entry.js';

const serve = createFetchHandler(createEmulator({ fixture: 'empty' }));
const ctl = async (method: string, path: string, body?: string) => {
  const res = await serve(new Request(`http://emulator/__emulator${path}`, { method, ...(body ? { body } : {}) }));
  return { status: res.status, body: await res.json() };
};

it.each([
  ['PATCH', '/config', '{"profile":"loose"}', 'config: profile must be one of "default", "strict"', 'profile'],
  [
    'PATCH',
    '/config',
    '{"taskConcurrency":"yes"}',
    'config: taskConcurrency must be false, null or a JSON object',
    'taskConcurrency',
  ],
  ['PATCH', '/config', '{"quotas":"yes"}', 'config: quotas must be a boolean or a JSON object', 'quotas'],
  [
    'PATCH',
    '/config',
    '{"tasklistMemberLimit":"x"}',
    'config: tasklistMemberLimit must be null or an integer',
    'tasklistMemberLimit',
  ],
  // A value of one branch's kind is told that branch's problem, not the other branches'.
  ['PATCH', '/config', '{"tasklistMemberLimit":0}', 'config: tasklistMemberLimit must be >= 1', 'tasklistMemberLimit'],
  ['PATCH', '/config', '{"quotas":{"bogus":1}}', 'config: quotas.bogus is not a known field', 'quotas.bogus'],
  ['POST', '/reset?dropTokens=yes', '', 'query: dropTokens must be one of "true", "false"', 'dropTokens'],
  [
    'POST',
    '/seed',
    '{"tasklists":[{"guid":"g","owner":{"id":"u"},"members":[{"id":"a","role":"owner"}]}]}',
    'invalid emulator fixture: tasklists[0].members[0].role must be one of "editor", "viewer"',
    'tasklists[0].members[0].role',
  ],
  ['PATCH', '/config', '[]', 'config: the body must be a JSON object', 'body'],
  ['POST', '/clock', '3', 'clock: the body must be a JSON object', 'body'],
  ['POST', '/seed', '"x"', 'invalid emulator fixture: the body must be a JSON object', 'body'],
  ['POST', '/faults', 'null', 'fault: the body must be a JSON object or an array of them', 'body'],
])('%s %s %s', async (method, path, body, error, field) => {
  expect(await ctl(method, path, body)).toEqual({ status: 400, body: { error, field, name: expect.any(String) } });
});
