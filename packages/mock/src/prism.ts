import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prismNode } from './node-binary.js';

const require = createRequire(import.meta.url);
const prismCli = () => join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist/index.js');
// The same relative place from src/ (tests) and dist/ (published).
const watchdog = fileURLToPath(new URL('../runtime/prism-watchdog.cjs', import.meta.url));

// Every Prism this process started; killed when the process exits, whatever the way (process.exit
// without close(), an uncaught exception). The child's watchdog covers the ways that skip this.
const live = new Set<ChildProcess>();
let hooked = false;
function killOnExit(child: ChildProcess) {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
}

export interface PrismOptions {
  spec: string;
  port: number;
  verbose?: boolean;
  log: (line: string) => void;
}

export class PrismStartError extends Error {
  override name = 'PrismStartError';
}

const FREE_RESTARTS = 5;
const MAX_BACKOFF_MS = 30_000;

/** One Prism process: started, watched, restarted after every crash (with backoff), stopped. */
export class Prism {
  child?: ChildProcess;
  #tail = '';
  #stopping = false;
  #restarts: number[] = [];
  #backoff?: NodeJS.Timeout;
  /** Called with a Prism that came back after a crash, or with the reason it will not. */
  onRestart?: (ok: boolean, why: string) => void;

  constructor(readonly options: PrismOptions) {}

  get tail() {
    return this.#tail;
  }

  running() {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Spawns Prism; resolves on spawn, rejects when the binary cannot run. `exited` says how it ended. */
  spawn(): Promise<ChildProcess> {
    const { spec, port, verbose } = this.options;
    const node = prismNode();
    const child = spawn(
      node,
      // Prism's CLI prints its log through jsonrepair, which turns some request bodies' JSON into an
      // array and crashes the printer (a fuzzed token request did): it logs only fatal errors unless the
      // mock runs with --verbose (then a crash is restarted like any other).
      [
        '--require',
        watchdog,
        prismCli(),
        'mock',
        spec,
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-v',
        verbose ? 'info' : 'fatal',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        env: {
          ...process.env,
          SCARF_ANALYTICS: 'false',
          DO_NOT_TRACK: '1',
          FEISHU_MOCK_PARENT_PID: String(process.pid),
        },
      },
    );
    this.child = child;
    child.channel?.unref();
    const onData = (chunk: Buffer) => {
      this.#tail = (this.#tail + chunk.toString()).slice(-4000);
      if (verbose) process.stderr.write(chunk);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    // A process that forgets close() can still exit: nothing of Prism keeps it alive.
    child.unref();
    (child.stdout as unknown as { unref?: () => void } | null)?.unref?.();
    (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
    killOnExit(child);
    child.once('exit', (code, signal) => {
      if (this.#stopping || this.child !== child) return;
      this.#crashed(code, signal);
    });
    return new Promise((resolve, reject) => {
      child.once('spawn', () => resolve(child));
      child.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new PrismStartError(`cannot run Prism with Node "${node}": ${error.code ?? ''} ${error.message}`.trim()),
        ),
      );
    });
  }

  /**
   * Restarts a crashed Prism, never giving up: at once for the first 5 crashes in a minute, then after a
   * wait that doubles with each further crash (0.5 s, 1 s, 2 s ... at most 30 s), so that an input that
   * keeps crashing it costs little, and the mock recovers as soon as the input stops.
   */
  #crashed(code: number | null, signal: string | null) {
    const now = Date.now();
    this.#restarts = this.#restarts.filter((t) => now - t < 60_000);
    const earlier = this.#restarts.length;
    this.#restarts.push(now);
    const wait = earlier < FREE_RESTARTS ? 0 : Math.min(MAX_BACKOFF_MS, 500 * 2 ** (earlier - FREE_RESTARTS));
    const what = `Prism exited unexpectedly (code ${code}, signal ${signal})`;
    this.options.log(
      `feishu-task-mock: ${what}; restarting it${wait ? ` in ${wait} ms` : ''} (${earlier + 1} crashes in the last minute; requests answer 503 meanwhile).\n${this.#tail}`,
    );
    this.#backoff = setTimeout(() => {
      this.#backoff = undefined;
      if (this.#stopping) return;
      this.spawn().then(
        () => this.onRestart?.(true, what),
        (error) => {
          this.options.log(`feishu-task-mock: cannot restart Prism: ${error.message}`);
          this.onRestart?.(false, String(error.message));
        },
      );
    }, wait);
    this.#backoff.unref();
  }

  stop(): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#backoff);
    const child = this.child;
    return new Promise((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}
