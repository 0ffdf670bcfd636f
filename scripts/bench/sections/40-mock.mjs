// The mock (@feishu-task/mock: Prism behind the front) and bare Prism on the same spec, side by side in
// one run: start time, then load at 1, 16, 64 and 256 connections (10 s each; 2 s with --quick): requests
// per second, latency, hung and failed requests, memory after. Each server runs in its own process (the
// mock through its CLI, as `pnpm mock` runs it); the load comes from this process, keep-alive.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort, root, verdict } from '../lib.mjs';

export const title = 'Mock (@feishu-task/mock) and bare Prism under load';

const mockPkg = join(root, 'packages/mock');
const requireFromMock = createRequire(join(mockPkg, 'package.json'));
const prismCli = join(dirname(requireFromMock.resolve('@stoplight/prism-cli/package.json')), 'dist/index.js');
const bundledSpec = requireFromMock.resolve('@feishu-task/openapi/openapi.json');
const PATH = '/open-apis/task/v2/tasklists/d300a75f-c56a-4be9-80d1-e47653028ceb/add_members';
const BODY = JSON.stringify({ members: [{ id: 'ou_2cefb2f014f8d0c6c2d2eb7bafb0e54f', type: 'user', role: 'editor' }] });
const HUNG_MS = 5000;

const rssMb = (pid) => {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
};
const childPids = (pid) => {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
};

async function startMockCli() {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(mockPkg, 'bin/feishu-task-mock.js'), '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = await once(createInterface({ input: child.stdout }), 'line');
  return {
    child,
    url: /listening on (\S+)/.exec(line)[1],
    startMs: performance.now() - t0,
    pids: () => [child.pid, ...childPids(child.pid)],
  };
}

async function startPrism() {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [prismCli, 'mock', bundledSpec, '-h', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
    env: { ...process.env, SCARF_ANALYTICS: 'false', DO_NOT_TRACK: '1' },
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      const r = await fetch(url + PATH, {
        method: 'POST',
        headers: { authorization: 'Bearer t-b', 'content-type': 'application/json' },
        body: BODY,
      });
      await r.arrayBuffer();
      if (r.status === 200) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url, startMs: performance.now() - t0, pids: () => [child.pid] };
}

function once1(agent, url) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const { hostname, port } = new URL(url);
    const req = request(
      {
        host: hostname,
        port,
        method: 'POST',
        path: PATH,
        agent,
        headers: {
          authorization: 'Bearer t-bench',
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(BODY),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ ok: res.statusCode === 200, ms: performance.now() - t0 }));
        res.on('error', () => resolve({ ok: false, ms: performance.now() - t0 }));
      },
    );
    req.setTimeout(HUNG_MS, () => {
      req.destroy();
      resolve({ hung: true, ms: performance.now() - t0 });
    });
    req.on('error', () => resolve({ ok: false, ms: performance.now() - t0 }));
    req.end(BODY);
  });
}

async function load(url, connections, seconds) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const end = performance.now() + seconds * 1000;
  const lat = [];
  let ok = 0;
  let failed = 0;
  let hung = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const r = await once1(agent, url);
        if (r.hung) hung++;
        else if (r.ok) ok++;
        else failed++;
        lat.push(r.ms);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  lat.sort((a, b) => a - b);
  const q = (p) => lat[Math.min(lat.length - 1, Math.floor(lat.length * p))] ?? Number.NaN;
  return { rps: ok / elapsed, ok, failed, hung, p50: q(0.5), p99: q(0.99), max: lat.at(-1) ?? Number.NaN };
}

/** Streams `mb` megabytes of body to the mock in 1 MB chunks; resolves with the answer's status. */
function bigBody(url, mb) {
  return new Promise((resolve) => {
    const { hostname, port } = new URL(url);
    const req = request(
      {
        host: hostname,
        port,
        method: 'POST',
        path: PATH,
        headers: { 'content-type': 'application/json', 'content-length': mb * 1024 * 1024 },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', (e) => resolve(e.message));
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const write = () => {
      while (sent < mb) {
        sent++;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

const dirSize = (dir) => {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) total += dirSize(p);
    else if (entry.isFile()) total += statSync(p).size;
  }
  return total;
};

/** Packs the mock and its two workspace dependencies, installs them with npm into an empty project. */
export function installSize() {
  const dir = mkdtempSync(join(tmpdir(), 'mock-install-'));
  try {
    const pnpm = ['-y', 'pnpm@10.34.8'];
    const tarballs = ['spec', 'packages/types', 'packages/mock'].map((p) => {
      const out = execFileSync('npx', [...pnpm, 'pack', '--pack-destination', dir], {
        cwd: join(root, p),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      return join(dir, out.trim().split('\n').at(-1).split('/').at(-1));
    });
    const mockTgz = tarballs[2];
    writeFileSync(join(dir, 'package.json'), '{"name":"probe","private":true}');
    execFileSync('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', ...tarballs], {
      cwd: dir,
      stdio: 'ignore',
    });
    const nm = join(dir, 'node_modules');
    const nodeBinary = readdirSync(nm).includes('node');
    return { tarball: statSync(mockTgz).size, installed: dirSize(nm), nodeBinary };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run({ quick }) {
  const seconds = quick ? 2 : 10;
  const levels = [1, 16, 64, 256];
  const rows = [];
  const servers = { mock: await startMockCli(), prism: await startPrism() };
  const starts = { mock: servers.mock.startMs, prism: servers.prism.startMs };
  const results = { mock: {}, prism: {} };
  let memory;
  let bodyNote = '';
  try {
    for (const level of levels) {
      for (const name of ['prism', 'mock']) {
        const r = await load(servers[name].url, level, seconds);
        results[name][level] = r;
        console.log(
          `   ${name.padEnd(5)} ${String(level).padStart(3)} conns: ${r.rps.toFixed(0)}/s p99 ${r.p99.toFixed(1)} ms, hung ${r.hung}, failed ${r.failed}`,
        );
      }
    }
    const big = quick ? 50 : 500;
    const status = await bigBody(servers.mock.url, big);
    bodyNote = `after a ${big} MB body (answered ${status}), the mock's front holds ${rssMb(servers.mock.child.pid).toFixed(0)} MB`;
  } finally {
    memory = { mock: servers.mock.pids().map(rssMb), prism: servers.prism.pids().map(rssMb) };
    for (const s of Object.values(servers)) s.child.kill('SIGTERM');
  }
  for (const level of levels) {
    for (const name of ['prism', 'mock']) {
      const r = results[name][level];
      rows.push(
        `| ${name === 'mock' ? '@feishu-task/mock' : 'bare Prism 5.16'} | ${level} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(0)} | ${r.hung} | ${r.failed} |`,
      );
    }
  }
  const zero = levels.every((l) => results.mock[l].hung === 0 && results.mock[l].failed === 0);
  const faster = levels.filter((l) => results.mock[l].rps >= results.prism[l].rps);
  let size = 'not measured (--quick)';
  if (!quick || process.env.BENCH_INSTALL === '1') {
    const s = installSize();
    size = `${(s.tarball / 1024).toFixed(1)} KB packed; ${(s.installed / 1024 / 1024).toFixed(1)} MB installed with its production dependencies (npm, \`--omit=dev\`); Node binary pulled: ${s.nodeBinary ? '**yes**' : 'no'}`;
  }
  const mb = (xs) => xs.map((x) => `${x.toFixed(0)} MB`).join(' + ');
  return [
    `A valid \`add_members\` request, repeated by N keep-alive connections for ${seconds} s per level, levels in order 1 → 256, bare Prism then the mock at each level. Hung: no answer within ${HUNG_MS / 1000} s; failed: a broken connection or a status other than 200. The mock's front remembers Prism's last 500 answers (Prism's static answers are a function of the request; \`limits.memoEntries: 0\` turns it off), so a repeated request costs Prism nothing; every answer still gets its own log id and record.`,
    '',
    '| server | connections | requests/s | p50 (ms) | p99 (ms) | max (ms) | hung | failed |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `- Start until a real request is answered: mock ${starts.mock.toFixed(0)} ms (CLI process start included), bare Prism ${starts.prism.toFixed(0)} ms.`,
    `- Memory after the run (RSS): mock ${mb(memory.mock)} (front + Prism), bare Prism ${mb(memory.prism)}; ${bodyNote}.`,
    `- Install size of @feishu-task/mock: ${size}.`,
    '',
    `Targets: zero hung or failed requests at every level (${verdict(zero)}); the mock's throughput at least bare Prism's at every level (${verdict(faster.length === levels.length)}: at ${faster.length ? faster.join(', ') : 'no'} of ${levels.join(', ')} connections).`,
  ];
}
