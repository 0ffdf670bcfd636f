// One client in a worker thread of its own (own heap, own fetch and connection pool): it makes
// add_members calls in blocks when the bench asks, and reports the CPU time of its own thread per block
// (process.threadCpuUsage), so work of the other clients and of the server never counts against it.
// workerData: { impl: raw|rawAbortable|ours|oursNoTimeout|sdk, base }.
import { parentPort, workerData } from 'node:worker_threads';

const { impl, base } = workerData;
const guid = 'd300a75f-c56a-4be9-80d1-e47653028ceb';
const body = { members: [{ id: 'ou_2cefb2f014f8d0c6c2d2eb7bafb0e54f', type: 'user', role: 'editor' }] };

async function makeCall() {
  if (impl === 'raw' || impl === 'rawAbortable') {
    // rawAbortable: what any abortable per-attempt timeout costs, an AbortSignal and a timer per request.
    const abortable = impl === 'rawAbortable';
    return async () => {
      const controller = abortable ? new AbortController() : undefined;
      const timer = abortable ? setTimeout(() => controller.abort(), 30_000) : undefined;
      const res = await fetch(`${base}/open-apis/task/v2/tasklists/${guid}/add_members?user_id_type=open_id`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer t-bench-token-0123456789',
          'content-type': 'application/json; charset=utf-8',
        },
        body: JSON.stringify(body),
        signal: controller?.signal,
      });
      const json = await res.json();
      clearTimeout(timer);
      if (json.code !== 0) throw new Error('bad answer');
      return json.data;
    };
  }
  if (impl === 'ours' || impl === 'oursNoTimeout') {
    const { createClient } = await import('@feishu-task/client');
    const client = createClient({
      domain: base,
      auth: { tenantAccessToken: 't-bench-token-0123456789' },
      throttle: false,
      ...(impl === 'oursNoTimeout' ? { timeoutMs: Number.POSITIVE_INFINITY } : {}),
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
parentPort.on('message', async (calls) => {
  const cpu0 = process.threadCpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) await call();
  const wall = performance.now() - t0;
  const cpu = process.threadCpuUsage(cpu0);
  parentPort.postMessage({ cpuUs: cpu.user + cpu.system, wallUs: wall * 1000 });
});
parentPort.postMessage('ready');
