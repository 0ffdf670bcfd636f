// startEmulator(): the engine behind an HTTP server on a free port, for vitest, jest and other runners.
import type { Server } from 'node:http';
import { baseUrl, listen } from '@feishu-task/platform/node';
import { Emulator, type EmulatorOptions } from './engine.js';
import { createEmulatorServer } from './http-server.js';
import { Namespaces } from './namespaces.js';

export interface StartEmulatorOptions extends EmulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** At most this many namespaces on the server (default 256). */
  namespaceLimit?: number;
}

export interface CloseOptions {
  /**
   * How long requests in flight may take to finish, ms (default 0: connections are cut at once, as
   * before). The server stops accepting first; idle keep-alive connections close at once.
   */
  graceMs?: number;
}

export interface RunningEmulator {
  /** Base URL, for example `http://127.0.0.1:4010`: pass it as the client's or the SDK's `domain`. */
  url: string;
  port: number;
  /** The engine of the default namespace: state, journal, faults, clock, configuration. */
  emulator: Emulator;
  /** The engine of namespace `name` (made on first use), and its base URL (`${url}/__ns/${name}`). */
  namespace(name: string): { emulator: Emulator; url: string };
  server: Server;
  close(options?: CloseOptions): Promise<void>;
}

export class EmulatorStartError extends Error {
  override name = 'EmulatorStartError';
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const { port = 0, host = '127.0.0.1', namespaceLimit, ...engineOptions } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new EmulatorStartError(`port must be an integer from 0 to 65535, got ${String(port)}`);
  const emulator = new Emulator(engineOptions);
  // Namespaces start from what the server started from (a lossless import included).
  const namespaces = new Namespaces(
    emulator,
    { ...engineOptions, fixture: emulator.startingFixture() },
    namespaceLimit,
  );
  const server = createEmulatorServer(namespaces);
  // The platform model's listen: a taken port is one error naming it, as the mock's.
  const bound = await listen(server, port, host, 'pick another with --port or { port }').catch((error: Error) => {
    throw new EmulatorStartError(error.message);
  });
  const url = baseUrl(host, bound);
  return {
    url,
    port: bound,
    emulator,
    namespace: (name) => ({ emulator: namespaces.get(name), url: `${url}/__ns/${encodeURIComponent(name)}` }),
    server,
    close: ({ graceMs = 0 }: CloseOptions = {}) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        // A keep-alive connection whose request has finished would hold close() open until it times out.
        const idle = setInterval(() => server.closeIdleConnections(), 10);
        server.close(() => {
          clearTimeout(timer);
          clearInterval(idle);
          resolve();
        });
        server.closeIdleConnections();
        if (graceMs <= 0) server.closeAllConnections();
      }),
  };
}
