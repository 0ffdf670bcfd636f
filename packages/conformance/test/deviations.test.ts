// Against a deliberately deviating upstream (the emulator behind a proxy that changes one status,
// answers one undocumented code, drops one documented field, omits one header and renames one msg)
// the report lists exactly those five differences, each with the facts it bears on, and nothing else.
import { type RunningEmulator, startEmulator } from '@feishu-task/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runConformance } from '../src/index.js';
import { type Deviation, type RunningProxy, startProxy } from './proxy.js';

const collaborators = /^\/open-apis\/task\/v1\/tasks\/[^/]+\/collaborators$/;
const collaborator = /^\/open-apis\/task\/v1\/tasks\/[^/]+\/collaborators\/[^/]+$/;
const addMembers = /\/add_members$/;

const deviations: Deviation[] = [
  {
    name: 'status',
    matches: (a) => collaborators.test(a.path) && a.json?.code === 1470431,
    apply: (a) => {
      a.status = 409;
    },
  },
  {
    name: 'undocumented code',
    matches: (a) => a.method === 'DELETE' && collaborator.test(a.path) && a.json?.code === 1470602,
    apply: (a) => {
      if (a.json) a.json.code = 1479999;
    },
  },
  {
    name: 'dropped field',
    matches: (a) => a.method === 'POST' && collaborators.test(a.path) && a.json?.code === 0,
    apply: (a) => {
      if (a.json) a.json.data = {};
    },
  },
  {
    name: 'omitted header',
    matches: (a) => addMembers.test(a.path) && a.json?.code === 0,
    apply: (a) => {
      delete a.headers['x-tt-logid'];
    },
  },
  {
    name: 'renamed msg',
    matches: (a) => addMembers.test(a.path) && a.json?.code === 1470404,
    apply: (a) => {
      if (a.json) a.json.msg = 'tasklist not found';
    },
  },
];

let upstream: RunningEmulator;
let proxy: RunningProxy;
beforeAll(async () => {
  // No per-task frequency limit upstream, so the run needs no pause between requests to one task.
  upstream = await startEmulator({ taskFrequency: false });
  proxy = await startProxy(upstream.url, deviations);
});
afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

it('lists exactly the five deviations, each once, with what it bears on', async () => {
  const report = await runConformance({
    target: proxy.url,
    taskGapMs: 0,
    userToken: upstream.emulator.issueUserToken('ou_conformance_outsider').token,
  });
  expect(proxy.applied.sort()).toEqual(deviations.map((d) => d.name).sort());
  const found = report.differences.map((d) => `${d.scenario}/${d.step}: ${d.aspect}`).sort();
  expect(found).toEqual(
    [
      'collaborators/re-add: status',
      'unknown-resources/remove-from-unknown-task: code',
      'collaborators/add: body',
      'tasklist-members/editor: header X-Tt-Logid',
      'unknown-resources/add-to-unknown-tasklist: msg',
    ].sort(),
  );
  const by = (aspect: string) => report.differences.find((d) => d.aspect === aspect);

  const status = by('status');
  expect(status).toMatchObject({
    observed: 'HTTP 409',
    expected: { spec: 'HTTP 400 for 1470431 AlreadyCollaborators', emulator: 'HTTP 400' },
    bearsOn: ['spec', 'emulator'],
  });
  expect(status?.logId).toMatch(/^\w{10,}$/);
  expect(status?.facts[0]?.source).toMatch(/^page https:\/\/open\.feishu\.cn\//);

  expect(by('code')).toMatchObject({
    observed: '1479999 (not documented for removeTaskCollaborator)',
    expected: { emulator: 'HTTP 400, 1470602 InvalidTaskId' },
    bearsOn: ['spec', 'emulator'],
  });
  expect(by('body')).toMatchObject({ operation: 'addTaskCollaborators', bearsOn: ['spec', 'emulator'] });
  expect(by('body')?.observed).toContain('collaborator');
  expect(by('header X-Tt-Logid')).toMatchObject({ observed: '(absent)', bearsOn: ['spec', 'emulator'] });
  expect(by('header X-Tt-Logid')?.logId).toBeUndefined();
  expect(by('msg')).toMatchObject({ observed: '"tasklist not found"', bearsOn: ['spec', 'emulator'] });
  expect(by('msg')?.expected.spec).toBe(JSON.stringify(by('msg')?.facts[0]?.says.match(/msg "(.*)"$/)?.[1]));
});

it('notices a token endpoint that hands out a new token while the first has long left', async () => {
  let seen = 0;
  const reissuing = await startProxy(upstream.url, [
    {
      name: 'new token',
      // The second exchange: the run's "reuse" step (the first is "issue").
      matches: (a) => typeof a.json?.tenant_access_token === 'string' && ++seen === 2,
      apply: (a) => {
        if (a.json) a.json.tenant_access_token = 't-a-different-token-0000';
      },
    },
  ]);
  try {
    const report = await runConformance({ target: reissuing.url, only: ['tokens'], taskGapMs: 0 });
    expect(reissuing.applied).toEqual(['new token']);
    expect(report.differences.map((d) => `${d.step}: ${d.aspect}`)).toEqual(['reuse: token reuse']);
    // The emulator reuses its token, as the spec says: the difference bears on both.
    expect(report.differences[0]).toMatchObject({
      bearsOn: ['spec', 'emulator'],
      expected: { emulator: 'passes this check' },
    });
  } finally {
    await reissuing.close();
  }
});

it('lists an answer the spec allows but the emulator does not give as a difference with the emulator only', async () => {
  const { errors } = await import('@feishu-task/types');
  // A token of another kind on add collaborators: the spec allows the page's IdentityTokenIncorrect and the
  // platform's TokenFormatInvalid. The proxy answers whichever of the two the emulator does not.
  const documented = errors.addTaskCollaborators;
  const [a, b] = (['1470403', '99991671'] as const).map((code) => ({ code: Number(code), ...documented[code] }));
  let swapped: { from: number; to: number } | undefined;
  const other = await startProxy(upstream.url, [
    {
      name: 'other documented answer',
      matches: (x) =>
        x.method === 'POST' &&
        collaborators.test(x.path) &&
        String(x.requestHeaders.authorization).startsWith('Bearer a-'),
      apply: (x) => {
        const to = x.json?.code === a?.code ? b : a;
        if (!to) return;
        swapped = { from: Number(x.json?.code), to: to.code };
        x.status = to.status;
        x.json = { code: to.code, msg: to.message };
      },
    },
  ]);
  try {
    const report = await runConformance({ target: other.url, only: ['tokens-on-calls'], taskGapMs: 0 });
    expect(other.applied).toEqual(['other documented answer']);
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]).toMatchObject({
      step: 'addTaskCollaborators-other-kind',
      aspect: 'code',
      observed: expect.stringMatching(new RegExp(`^${swapped?.to} `)),
      bearsOn: ['emulator'],
      expected: { emulator: expect.stringContaining(`${swapped?.from} `) },
    });
    expect(report.differences[0]?.expected.spec).toBeUndefined();
  } finally {
    await other.close();
  }
});

it('undoes a change the target should have refused but applied', async () => {
  const applying = await startProxy(upstream.url, [
    {
      name: 'accepted an unknown user token',
      matches: (a) =>
        a.method === 'DELETE' &&
        collaborator.test(a.path) &&
        String(a.requestHeaders.authorization).startsWith('Bearer u-'),
      apply: (a) => {
        a.status = 200;
        a.json = { code: 0, msg: 'success', data: {} };
      },
    },
  ]);
  try {
    const report = await runConformance({ target: applying.url, only: ['tokens-on-calls'], taskGapMs: 0 });
    expect(report.differences.map((d) => `${d.step}: ${d.aspect}`)).toEqual([
      'removeTaskCollaborator-unknown-user: code',
    ]);
    const undo = report.exchanges.filter((e) => e.side === 'target' && e.role === 'undo' && !e.implicit);
    expect(undo.map((e) => [e.step, e.request.method, e.request.body])).toEqual([
      ['undo-removeTaskCollaborator-unknown-user', 'POST', { id_list: [report.ids.members[0]] }],
    ]);
    expect(applying.received.at(-1)).toMatch(/^POST \/open-apis\/task\/v1\/tasks\/[^/]+\/collaborators$/);
  } finally {
    await applying.close();
  }
});
