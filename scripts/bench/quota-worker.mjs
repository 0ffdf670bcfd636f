// One process of the quota section: `n` add_members calls fired at once, by our client (its own
// process quota, or a quota shared through Redis) or by the official SDK, spread over tasklists
// list-0 .. list-<tasklists - 1>. `ours-mixed` (through Redis) fires all three operations interleaved, as
// many of each as QUOTA_MIX says: add members, add a collaborator to a task, remove one of a task's seeded
// collaborators; which task each goes to (QUOTA_LAYOUT) is quota-mix.mjs's schedule.
// Our client runs with maxRetries: 0, so every answer it meets shows.
// Both authenticate with the app of QUOTA_APP_ID / QUOTA_APP_SECRET at the server's token endpoint.
// argv: <impl: ours|ours-redis|sdk> <baseUrl> <n> <windows JSON|-> <redisUrl|-> <startAt ms> <tasklists>;
// prints one JSON line.
const [impl, base, nArg, windowsArg, redisUrl, startAtArg, listsArg] = process.argv.slice(2);
const { QUOTA_APP_ID: appId, QUOTA_APP_SECRET: appSecret } = process.env;
const n = Number(nArg);
const windows = windowsArg === '-' ? undefined : JSON.parse(windowsArg);
const body = (i) => ({ members: [{ id: `ou_${process.pid}_${i}`, type: 'user', role: 'editor' }] });
const path = (i) => ({ tasklist_guid: `list-${i % Number(listsArg)}` });
let call;
let done = () => {};
// The mixed run: which operation each call is, and what each operation's calls ended with.
let schedule;
let byOperation;

if (impl === 'sdk') {
  const lark = await import('@larksuiteoapi/node-sdk');
  const client = new lark.Client({
    appId,
    appSecret,
    domain: base,
    loggerLevel: lark.LoggerLevel.error,
    // The SDK logs every failed call (with its whole HTTP exchange) to stdout, where this worker prints
    // its one result line; the failures are counted below instead.
    logger: { error() {}, warn() {}, info() {}, debug() {}, trace() {} },
  });
  call = async (i) => {
    const res = await client.task.v2.tasklist
      .addMembers({ path: path(i), data: body(i) })
      .catch((e) => e?.response?.data ?? e);
    if (res?.code !== 0) throw Object.assign(new Error('failed'), { code: res?.code });
  };
} else {
  const { createClient } = await import('@feishu-task/client');
  let store;
  if (impl === 'ours-redis' || impl === 'ours-mixed') {
    const { Redis } = await import('ioredis');
    const { createRedisQuotaStore } = await import('@feishu-task/client/redis');
    const redis = new Redis(redisUrl);
    store = createRedisQuotaStore({ redis, prefix: `bench-${startAtArg}:` });
    done = () => redis.quit();
  }
  const client = createClient({
    domain: base,
    auth: { appId, appSecret },
    maxRetries: 0,
    quota: { store, windows: windows && { addTasklistMembers: windows } },
  });
  const add = (i) => client.addTasklistMembers({ path: path(i), body: body(i) });
  if (impl === 'ours-mixed') {
    // The mixed run: QUOTA_MIX says how many calls of each operation this process makes, interleaved
    // (quota-mix.mjs). Each process writes to tasks of its own: writes to one task are serialized within a
    // process, not across processes, and the pages answer concurrent writes to one task with 1470451.
    const { mixSchedule } = await import('./quota-mix.mjs');
    const part = Number(process.env.QUOTA_PART ?? 0);
    const calls = mixSchedule({
      mix: JSON.parse(process.env.QUOTA_MIX),
      part,
      parts: Number(process.env.QUOTA_PARTS ?? 1),
      tasks: Number(process.env.QUOTA_TASKS),
      addTasks: Number(process.env.QUOTA_ADD_TASKS),
      layout: process.env.QUOTA_LAYOUT,
    });
    const make = {
      addTasklistMembers: ({ j }) => add(j),
      addTaskCollaborators: ({ j, task }) =>
        client.addTaskCollaborators({ path: { task_id: `task-${task}` }, body: { id_list: [`ou_new_${part}_${j}`] } }),
      removeTaskCollaborator: ({ task, seed }) =>
        client.removeTaskCollaborator({ path: { task_id: `task-${task}`, collaborator_id: `seed-${task}-${seed}` } }),
    };
    schedule = calls.map((c) => [c.operation, c]);
    byOperation = Object.fromEntries(calls.map((c) => [c.operation, { ok: 0, codes: {} }]));
    call = (i) => make[schedule[i][0]](schedule[i][1]);
  } else call = add;
}

await new Promise((r) => setTimeout(r, Math.max(0, Number(startAtArg) - Date.now())));
const t0 = Date.now();
const codes = {};
let ok = 0;
// The SDK gets the same work with the concurrency a careful caller would give it: 50 at a time.
const lanes = impl === 'sdk' ? 50 : n;
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(lanes, n) }, async () => {
    while (next < n) {
      const i = next++;
      const tally = byOperation?.[schedule[i][0]];
      try {
        await call(i);
        ok++;
        if (tally) tally.ok++;
      } catch (e) {
        const code = e.code ?? e.name;
        codes[code] = (codes[code] ?? 0) + 1;
        if (tally) tally.codes[code] = (tally.codes[code] ?? 0) + 1;
      }
    }
  }),
);
await done();
console.log(JSON.stringify({ ok, codes, byOperation, ms: Date.now() - t0 }));
process.exit(0);
