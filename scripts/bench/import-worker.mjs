// Import cost of one package in a fresh process: time to import it and create a client. With
// --expose-gc (a separate run: gc changes timings) it reports heap and RSS growth instead.
// argv: <impl: ours|sdk>; prints one JSON line.
const impl = process.argv[2];
const gc = globalThis.gc;
gc?.();
const heap0 = process.memoryUsage().heapUsed;
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
if (impl === 'ours') {
  const { createClient } = await import('@feishu-task/client');
  createClient({ auth: { tenantAccessToken: 't-x' } });
} else {
  const lark = await import('@larksuiteoapi/node-sdk');
  new lark.Client({ appId: 'cli_x', appSecret: 'y', disableTokenCache: true, loggerLevel: lark.LoggerLevel.error });
}
const importMs = performance.now() - t0;
gc?.();
const mem = process.memoryUsage();
console.log(
  JSON.stringify(gc ? { heapKb: (mem.heapUsed - heap0) / 1024, rssKb: (mem.rss - rss0) / 1024 } : { importMs }),
);
