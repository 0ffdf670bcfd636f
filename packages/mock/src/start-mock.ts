import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { createFront, type Seen, type Violation } from './front.js';
import { prismNode } from './node-binary.js';
import { indexSpec, specPath } from './spec-index.js';

export interface StartMockOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  host?: string;
  /** Another bundled OpenAPI file to serve (default: @feishu-task/openapi's). */
  spec?: string;
  /** How long Prism may take to start (default 60 s). */
  startTimeoutMs?: number;
  /** Print Prism's own log lines. */
  verbose?: boolean;
}

export interface Mock {
  /** Base URL, for example `http://127.0.0.1:4010`: pass it as the client's `domain`. */
  url: string;
  port: number;
  /** Every request Prism found invalid against the spec (from its sl-violations header). */
  violations: Violation[];
  /** Every request the mock answered: method, path, status. */
  requests: Seen[];
  close(): Promise<void>;
}

export class MockStartError extends Error {
  override name = 'MockStartError';
}

const listen = (server: Server, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });

async function freePort(host: string): Promise<number> {
  const probe = createServer();
  const port = await listen(probe, 0, host);
  await new Promise((r) => probe.close(r));
  return port;
}

function prismCli(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist/index.js');
}

/** Starts Prism behind the mock's front server; resolves once the mock answers requests. */
export async function startMock(options: StartMockOptions = {}): Promise<Mock> {
  const host = options.host ?? '127.0.0.1';
  const spec = options.spec ?? specPath();
  const state = { violations: [] as Violation[], requests: [] as Seen[] };
  const prismPort = await freePort(host);
  const front = createServer(createFront(indexSpec(spec), prismPort, state));
  let port: number;
  try {
    port = await listen(front, options.port ?? 0, host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MockStartError(
      code === 'EADDRINUSE'
        ? `port ${options.port} on ${host} is already in use; pick another with --port or { port }`
        : `cannot listen on ${host}:${options.port}: ${String(error)}`,
    );
  }

  const child = spawn(prismNode(), [prismCli(), 'mock', spec, '-h', '127.0.0.1', '-p', String(prismPort)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SCARF_ANALYTICS: 'false', DO_NOT_TRACK: '1' },
  });
  let log = '';
  const onData = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
    if (options.verbose) process.stderr.write(chunk);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const closeFront = () =>
    new Promise<void>((r) => {
      front.closeAllConnections();
      front.close(() => r());
    });
  const stopChild = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new MockStartError(`Prism did not start within ${options.startTimeoutMs ?? 60_000} ms:\n${log}`)),
        options.startTimeoutMs ?? 60_000,
      );
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new MockStartError(`Prism exited (code ${code}) before it was ready:\n${log}`));
      };
      child.once('exit', onExit);
      child.once('error', (e) => onExit(Number.NaN) ?? e);
      const poll = async () => {
        try {
          await fetch(`http://127.0.0.1:${prismPort}/__ready`);
          clearTimeout(timer);
          child.off('exit', onExit);
          resolve();
        } catch {
          if (child.exitCode === null) setTimeout(poll, 100);
        }
      };
      void poll();
    });
  } catch (error) {
    await Promise.all([closeFront(), stopChild()]);
    throw error;
  }

  child.once('exit', (code, signal) => {
    if (!closing)
      state.violations.push({
        method: '-',
        path: '-',
        violations: `Prism exited unexpectedly (code ${code}, signal ${signal})`,
      });
  });
  let closing = false;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    port,
    violations: state.violations,
    requests: state.requests,
    async close() {
      closing = true;
      await Promise.all([closeFront(), stopChild()]);
    },
  };
}
