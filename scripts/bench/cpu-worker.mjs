// One client in a fresh process: N sequential add_members calls, CPU time measured with process.cpuUsage.
// argv: <impl: raw|ours|sdk> <baseUrl> <calls>; prints one JSON line.
const [impl, base, callsArg] = process.argv.slice(2);
const calls = Number(callsArg);
const guid = 'd300a75f-c56a-4be9-80d1-e47653028ceb';
const body = { members: [{ id: 'ou_2cefb2f014f8d0c6c2d2eb7bafb0e54f', type: 'user', role: 'editor' }] };

async function makeCall() {
  if (impl === 'raw') {
    return async () => {
      const res = await fetch(`${base}/open-apis/task/v2/tasklists/${guid}/add_members?user_id_type=open_id`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer t-bench-token-0123456789',
          'content-type': 'application/json; charset=utf-8',
        },
        body: JSON.stringify(body),
      });
      const json = await res.json();
      if (json.code !== 0) throw new Error('bad answer');
      return json.data;
    };
  }
  if (impl === 'ours') {
    const { createClient } = await import('@feishu-task/client');
    const client = createClient({
      domain: base,
      auth: { tenantAccessToken: 't-bench-token-0123456789' },
      throttle: false,
    });
    return () => client.addTasklistMembers({ path: { tasklist_guid: guid }, query: { user_id_type: 'open_id' }, body });
  }
  const lark = await import('@larksuiteoapi/node-sdk');
  const client = new lark.Client({
    appId: 'cli_bench',
    appSecret: 'bench-secret',
    domain: base,
    disableTokenCache: true,
    loggerLevel: lark.LoggerLevel.error,
  });
  const withToken = lark.withTenantToken('t-bench-token-0123456789');
  return async () => {
    const res = await client.task.v2.tasklist.addMembers(
      { path: { tasklist_guid: guid }, params: { user_id_type: 'open_id' }, data: body },
      withToken,
    );
    if (res.code !== 0) throw new Error('bad answer');
    return res.data;
  };
}

const call = await makeCall();
for (let i = 0; i < Math.min(500, calls); i++) await call(); // warm-up: JIT, connections
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < calls; i++) await call();
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ cpuUsPerCall: (cpu.user + cpu.system) / calls, wallUsPerCall: (wall * 1000) / calls }));
