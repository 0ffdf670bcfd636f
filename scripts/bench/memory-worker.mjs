// One process of the client-memory section: `n` calls through one client, each with its own user token,
// each failing with an answer that echoes that token (so each error is built and scrubbed); prints the
// heap growth after collection. Run with --expose-gc.
import { createClient } from '@feishu-task/client';

const n = Number(process.argv[2]);
const fetch = async (_url, init) => {
  const token = init.headers.authorization.slice('Bearer '.length);
  return new Response(JSON.stringify({ code: 1470404, msg: `refused forX${token}` }), { status: 400 });
};
const client = createClient({
  domain: 'http://feishu.test',
  auth: { tenantAccessToken: 't-static-bench' },
  throttle: false,
  fetch,
});
const input = { path: { task_id: 'task-1' }, body: { id_list: ['ou_1'] } };
const batch = (from) =>
  Promise.all(
    Array.from({ length: 1_000 }, (_, j) =>
      client.addTaskCollaborators(input, { userAccessToken: `u-user-token-${from + j}` }).catch((e) => e),
    ),
  );
// Responses are tracked by a FinalizationRegistry in undici: let its callbacks run between collections.
const heap = async () => {
  for (let i = 0; i < 4; i++) {
    globalThis.gc();
    await new Promise((r) => setTimeout(r, 20));
  }
  return process.memoryUsage().heapUsed;
};
// Warm-up: compiled code and caches settle before the heap is measured.
for (let i = 0; i < 20_000; i += 1_000) await batch(i);
const before = await heap();
for (let i = 0; i < n; i += 1_000) await batch(100_000 + i);
const grownKb = ((await heap()) - before) / 1024;
console.log(JSON.stringify({ grownKb }));
