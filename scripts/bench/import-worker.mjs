// Import cost of one package in a fresh process: time to import it and create a client, then (given a
// server) until the first call's answer, which includes loading the HTTP stack the call needs. With
// --expose-gc (a separate run: gc changes timings) it reports heap and RSS growth instead.
// argv: <impl: ours|sdk> [baseUrl]; prints one JSON line.
const [impl, base] = process.argv.slice(2);
const gc = globalThis.gc;
gc?.();
const heap0 = process.memoryUsage().heapUsed;
const rss0 = process.memoryUsage().rss;
const guid = 'd300a75f-c56a-4be9-80d1-e47653028ceb';
const members = [{ id: 'ou_2cefb2f014f8d0c6c2d2eb7bafb0e54f', type: 'user', role: 'editor' }];
const t0 = performance.now();
let call;
if (impl === 'ours') {
  const { createClient } = await import('@feishu-task/client');
  const client = createClient({ domain: base ?? 'feishu', auth: { tenantAccessToken: 't-x' }, throttle: false });
  call = () => client.addTasklistMembers({ path: { tasklist_guid: guid }, body: { members } });
} else {
  const lark = await import('@larksuiteoapi/node-sdk');
  const client = new lark.Client({
    appId: 'cli_x',
    appSecret: 'y',
    domain: base ?? lark.Domain.Feishu,
    disableTokenCache: true,
    loggerLevel: lark.LoggerLevel.error,
  });
  const token = lark.withTenantToken('t-x');
  call = () => client.task.v2.tasklist.addMembers({ path: { tasklist_guid: guid }, data: { members } }, token);
}
const importMs = performance.now() - t0;
let firstCallMs;
if (base) {
  await call();
  firstCallMs = performance.now() - t0;
}
gc?.();
const mem = process.memoryUsage();
console.log(
  JSON.stringify(
    gc ? { heapKb: (mem.heapUsed - heap0) / 1024, rssKb: (mem.rss - rss0) / 1024 } : { importMs, firstCallMs },
  ),
);
