// The emulator (@feishu-task/emulator) and bare Prism on the same bundled spec, side by side in one run:
// requests per second and p50/p99 latency at 1, 16 and 64 connections (autocannon, keep-alive, from this
// process; each server in its own process), `startEmulator()` start time, and memory after many requests.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort, median, root, verdict } from '../lib.mjs';

export const title = 'Emulator (@feishu-task/emulator) vs Prism';

const pkg = join(root, 'packages/emulator');
const require = createRequire(join(pkg, 'package.json'));
const self = fileURLToPath(import.meta.url);
const GUID = 'd300a75f-c56a-4be9-80d1-e47653028ceb';
const PATH = `/open-apis/task/v2/tasklists/${GUID}/add_members`;
const BODY = JSON.stringify({ members: [{ id: 'ou_2cefb2f014f8d0c6c2d2eb7bafb0e54f', type: 'user', role: 'editor' }] });

/** Starts a child and resolves once a line of its output matches `ready`. */
function startChild(command, args, ready) {
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SCARF_ANALYTICS: 'false', DO_NOT_TRACK: '1' },
  });
  let log = '';
  const up = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 60 s:\n${log}`)), 60_000);
    const onData = (chunk) => {
      log += chunk;
      const m = ready.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited (${code}):\n${log}`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { up, stop };
}

function prismNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  return major > 24 || (major === 24 && minor >= 18) ? process.execPath : require.resolve('node/bin/node');
}

async function load(url, token, connections, seconds) {
  const autocannon = require('autocannon');
  const result = await autocannon({
    url: url + PATH,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: BODY,
    connections,
    duration: seconds,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

// ---- workers (this file run as a script) ----

async function startWorker() {
  const { startEmulator } = await import(pathToFileURL(join(pkg, 'dist/index.js')).href);
  const t0 = performance.now();
  const emu = await startEmulator({ port: 0 });
  const started = performance.now() - t0;
  const r = await fetch(`${emu.url}/open-apis/auth/v3/tenant_access_token/internal`, {
    method: 'POST',
    body: '{"app_id":"cli_bench","app_secret":"s"}',
  });
  await r.arrayBuffer();
  const firstAnswer = performance.now() - t0;
  await emu.close();
  return { started, firstAnswer };
}

async function memoryWorker(total) {
  const { createEmulator } = await import(pathToFileURL(join(pkg, 'dist/index.js')).href);
  // Every limit off: memory, not the platform's pacing (a write on a task is otherwise held 10 ms).
  const engine = createEmulator({ limits: false });
  const token = (
    await engine.handle({
      method: 'POST',
      url: '/open-apis/auth/v3/tenant_access_token/internal',
      headers: {},
      body: '{"app_id":"cli_mem","app_secret":"s"}',
    })
  ).body.tenant_access_token;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const requests = [
    { method: 'POST', url: PATH, headers, body: BODY },
    { method: 'POST', url: '/open-apis/task/v2/tasklists/nope/add_members', headers, body: BODY },
    { method: 'POST', url: PATH, headers, body: '{"members":[{"id":"ou_x","role":"owner"}]}' },
    {
      method: 'DELETE',
      url: '/open-apis/task/v1/tasks/83912691-2e43-47fc-94a4-d512e03984fa/collaborators/ou_nobody',
      headers,
    },
  ];
  const heap = () => {
    globalThis.gc();
    return process.memoryUsage().heapUsed;
  };
  const marks = [];
  for (let i = 1; i <= total; i++) {
    await engine.handle(requests[i % requests.length]);
    if (i === total / 10 || i === total) marks.push(heap());
  }
  return { tenth: marks[0], end: marks[1], rss: process.memoryUsage().rss };
}

// The journal on big answers: no-op add_members calls on a 3,000-member tasklist (each answer holds the
// whole tasklist), then the journal read whole; beside it, what the same entries would hold unbounded.
async function journalWorker(calls) {
  const { createEmulator } = await import(pathToFileURL(join(pkg, 'dist/index.js')).href);
  const members = Array.from({ length: 3000 }, (_, i) => ({ id: `ou_m${i}`, role: 'viewer' }));
  const engine = createEmulator({
    limits: false,
    fixture: { tasklists: [{ guid: 'big', owner: { id: 'ou_o' }, members }] },
  });
  const token = (
    await engine.handle({
      method: 'POST',
      url: '/open-apis/auth/v3/tenant_access_token/internal',
      headers: {},
      body: '{"app_id":"cli_journal","app_secret":"s"}',
    })
  ).body.tenant_access_token;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const kept = 1000; // the journal's default ring
  let whole = 0;
  for (let i = 0; i < calls; i++) {
    const answer = await engine.handle({
      method: 'POST',
      url: '/open-apis/task/v2/tasklists/big/add_members',
      headers,
      body: '{"members":[{"id":"ou_m1","role":"viewer"}]}',
    });
    if (i >= calls - kept) whole += JSON.stringify(answer.body).length;
  }
  const t0 = performance.now();
  const text = JSON.stringify(engine.journal());
  return { entries: engine.journal().length, bytes: text.length, readMs: performance.now() - t0, whole };
}

function runSelf(args, execArgv = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...execArgv, self, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1))) : reject(new Error(`worker exited ${code}`)),
    );
  });
}

if (process.argv[1] === self) {
  const [kind, arg] = process.argv.slice(2);
  const result =
    kind === 'start'
      ? await startWorker()
      : kind === 'journal'
        ? await journalWorker(Number(arg))
        : await memoryWorker(Number(arg));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

// ---- the section ----

export async function run({ quick }) {
  const seconds = quick ? 1 : 10;
  const levels = [1, 16, 64];
  const spec = createRequire(join(root, 'spec/package.json')).resolve('@feishu-task/openapi/openapi.json');

  const emuPort = await freePort();
  const emulator = startChild(
    process.execPath,
    [join(pkg, 'bin/feishu-task-emulator.js'), '--port', String(emuPort), '--no-quotas'],
    /listening on (http:\/\/\S+)/,
  );
  const prismPort = await freePort();
  const prismCli = join(require.resolve('@stoplight/prism-cli/package.json'), '../dist/index.js');
  const prism = startChild(
    prismNode(),
    [prismCli, 'mock', spec, '-h', '127.0.0.1', '-p', String(prismPort)],
    /Prism is listening/,
  );

  const rows = [];
  const results = {};
  try {
    const emuUrl = (await emulator.up)[1];
    await prism.up;
    const prismUrl = `http://127.0.0.1:${prismPort}`;
    const token = (
      await (
        await fetch(`${emuUrl}/open-apis/auth/v3/tenant_access_token/internal`, {
          method: 'POST',
          body: '{"app_id":"cli_bench","app_secret":"s"}',
        })
      ).json()
    ).tenant_access_token;
    for (const [name, url, bearer] of [
      ['emulator', emuUrl, token],
      ['Prism', prismUrl, 't-bench'],
    ]) {
      await load(url, bearer, 4, quick ? 0.5 : 2); // warm-up
      for (const connections of levels) {
        const r = await load(url, bearer, connections, seconds);
        results[`${name}@${connections}`] = r;
        console.log(
          `   ${name.padEnd(8)} ${String(connections).padStart(2)} conn: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms`,
        );
        rows.push(`| ${name} | ${connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx + r.errors} |`);
      }
    }
  } finally {
    await emulator.stop();
    await prism.stop();
  }

  const starts = [];
  const firsts = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const r = await runSelf(['start']);
    starts.push(r.started);
    firsts.push(r.firstAnswer);
  }
  const total = quick ? 5_000 : 100_000;
  const mem = await runSelf(['memory', String(total)], ['--expose-gc']);
  const calls = quick ? 1_000 : 3_000;
  const journal = await runSelf(['journal', String(calls)]);
  const mb = (b) => (b / 1024 / 1024).toFixed(1);
  const ratio = results['emulator@16'].rps / results['Prism@16'].rps;
  const bounded = mem.end <= mem.tenth * 1.25 + 2 * 1024 * 1024;

  return [
    `Each server in its own process on this machine, the same valid \`add_members\` request (the spec's example) with keep-alive, ${seconds} s per level with autocannon 9 from the bench process, after a warm-up. The emulator runs with quotas off (otherwise it answers 429 by design) and does the whole work on every request: auth, request validation, the state change, and the answer checked against the spec's schema. Prism 5.16 runs bare (\`prism mock\`) on the bundled spec.`,
    '',
    '| server | connections | req/s | p50 (ms) | p99 (ms) | non-2xx + errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `Targets at 16 connections: at least 10x Prism's throughput (${verdict(ratio >= 10)}: ${ratio.toFixed(1)}x), p99 under 10 ms (${verdict(results['emulator@16'].p99 < 10)}: ${results['emulator@16'].p99} ms).`,
    '',
    `- \`startEmulator()\` start time (module already imported; spec loaded, state seeded, listening): median ${median(starts).toFixed(1)} ms over ${starts.length} fresh processes (runs: ${starts.map((s) => s.toFixed(1)).join(', ')} ms); target under 100 ms: ${verdict(median(starts) < 100)}. Until the first answer (the first request compiles its schemas): median ${median(firsts).toFixed(1)} ms.`,
    `- Journal after ${calls.toLocaleString('en')} no-op \`add_members\` calls on a 3,000-member tasklist (each answer the whole tasklist): ${journal.entries} entries kept, ${mb(journal.bytes)} MB as JSON, serialized in ${journal.readMs.toFixed(0)} ms; the same entries with whole answers would hold ${mb(journal.whole)} MB of answers alone (each entry keeps at most 50 items of any array, 4 KB of any string, 8 levels, and lists what it cut).`,
    `- Memory after ${total.toLocaleString('en')} requests in process (a mix of success, 404, validation failure and 1470700; heap after a full GC): ${mb(mem.tenth)} MB after ${(total / 10).toLocaleString('en')}, ${mb(mem.end)} MB after ${total.toLocaleString('en')} (RSS ${mb(mem.rss)} MB); bounded (journal ring of 1000, at most 1.25x the heap at a tenth): ${verdict(bounded)}.`,
  ];
}
