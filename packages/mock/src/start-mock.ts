import { createServer } from 'node:http';
import { baseUrl, listen, portAnswers, portProblem } from '@feishu-task/platform/node';
import { createFront, DEFAULT_LIMITS, type FrontLimits, type Seen, type Violation } from './front.js';
import { NodeTooOldError } from './node-binary.js';
import { Prism, PrismStartError } from './prism.js';
import { Ring } from './records.js';
import { bundledSpecPath, indexSpec } from './spec-index.js';

export interface StartMockOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  host?: string;
  /** Another bundled OpenAPI file for Prism to serve (default: @feishu-task/openapi's). */
  spec?: string;
  /** How long Prism may take to start (default 60 s). */
  startTimeoutMs?: number;
  /** Print Prism's own log lines. */
  verbose?: boolean;
  /** How many entries `requests` and `violations` keep, the newest (default 1000 each). */
  recordLimit?: number;
  /** The front's limits: body size, URL length, body pause, wait for Prism. */
  limits?: Partial<FrontLimits>;
  /** Keep the process alive while the mock listens (the CLI does); by default a forgotten mock does not. */
  keepProcessAlive?: boolean;
  /** Where the mock reports Prism crashes and restarts (default: stderr). */
  log?: (line: string) => void;
}

export interface Mock {
  /** Base URL, for example `http://127.0.0.1:4010`: pass it as the client's `domain`. */
  url: string;
  port: number;
  /** The newest requests Prism found invalid against the spec (its sl-violations verdict); at most `recordLimit`. */
  violations: Violation[];
  /** The newest requests the mock answered (method, path, status, code); at most `recordLimit`. */
  requests: Seen[];
  /** Prism's process id (it changes when Prism is restarted after a crash). */
  readonly prismPid: number | undefined;
  close(): Promise<void>;
}

export class MockStartError extends Error {
  override name = 'MockStartError';
}

const HINT = 'pick another with --port or { port }';

async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe, 0, '127.0.0.1');
  await new Promise((r) => probe.close(r));
  return port;
}

const portError = (error: unknown) => new MockStartError((error as Error).message);

/** Resolves once Prism answers a real request: one of the spec's operations with its examples. */
async function untilReady(prism: Prism, port: number, spec: ReturnType<typeof indexSpec>, timeoutMs: number) {
  const op = spec.operations.find((o) => !o.secured) ?? spec.operations[0];
  if (!op) throw new MockStartError('the spec has no operations');
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (!prism.running()) {
      const c = prism.child;
      throw new MockStartError(
        `Prism exited (code ${c?.exitCode}, signal ${c?.signalCode}) before it was ready:\n${prism.tail}`,
      );
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}${op.probe.path}`, {
        method: op.method,
        headers: { authorization: 'Bearer t-mock-ready', 'content-type': 'application/json' },
        body: op.probe.body,
        signal: AbortSignal.timeout(2000),
      });
      await res.arrayBuffer();
      if (res.status >= 200 && res.status < 300) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new MockStartError(
    `Prism did not answer ${op.method} ${op.probe.path} within ${timeoutMs} ms (last: ${last}):\n${prism.tail}`,
  );
}

/**
 * Starts Prism behind the mock's front; resolves once a real request is answered. The port is bound
 * only then, so that anything waiting for the port waits for answers.
 */
export async function startMock(options: StartMockOptions = {}): Promise<Mock> {
  const host = options.host ?? '127.0.0.1';
  const wanted = options.port ?? 0;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const spec = indexSpec();
  const records = {
    violations: new Ring<Violation>().setLimit(options.recordLimit ?? 1000),
    requests: new Ring<Seen>().setLimit(options.recordLimit ?? 1000),
  };

  // A taken port fails at once, before Prism starts, found by connecting to it: binding a probe would
  // open the port (and close connections) before the mock answers. The real bind comes once Prism answers.
  const problem = portProblem(wanted);
  if (problem) throw new MockStartError(`port ${problem}`);
  if (wanted !== 0 && (await portAnswers(host, wanted)))
    throw new MockStartError(`port ${wanted} on ${host} is already in use; ${HINT}`);

  const prismPort = await freePort();
  const prism = new Prism({ spec: options.spec ?? bundledSpecPath(), port: prismPort, verbose: options.verbose, log });
  try {
    await prism.spawn();
    await untilReady(prism, prismPort, spec, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    await prism.stop();
    if (error instanceof MockStartError) throw error;
    if (error instanceof PrismStartError || error instanceof NodeTooOldError) throw new MockStartError(error.message);
    throw error;
  }

  const front = createFront(
    spec,
    { port: () => (prism.running() ? prismPort : undefined) },
    records,
    { ...DEFAULT_LIMITS, ...options.limits },
    log,
  );
  const server = createServer({ requestTimeout: 0 }, front.handler);
  server.on('clientError', front.clientError);
  let port: number;
  try {
    port = await listen(server, wanted, host, HINT);
  } catch (error) {
    await prism.stop();
    throw portError(error);
  }
  if (!options.keepProcessAlive) server.unref();

  return {
    url: baseUrl(host, port),
    port,
    violations: records.violations,
    requests: records.requests,
    get prismPid() {
      return prism.child?.pid;
    },
    async close() {
      await Promise.all([
        new Promise<void>((r) => {
          server.closeAllConnections();
          server.close(() => r());
        }),
        prism.stop(),
      ]);
      front.close();
    },
  };
}
