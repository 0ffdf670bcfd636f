// startEmulator(): the engine behind an HTTP server on a free port, for vitest, jest and other runners.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Emulator, type EmulatorOptions } from './engine.js';
import { createEmulatorServer } from './http-server.js';

export interface StartEmulatorOptions extends EmulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
}

export interface RunningEmulator {
  /** Base URL, for example `http://127.0.0.1:4010`: pass it as the client's or the SDK's `domain`. */
  url: string;
  port: number;
  /** The engine: state, journal, faults, clock, configuration. */
  emulator: Emulator;
  server: Server;
  close(): Promise<void>;
}

export class EmulatorStartError extends Error {
  override name = 'EmulatorStartError';
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const { port = 0, host = '127.0.0.1', ...engineOptions } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new EmulatorStartError(`port must be an integer from 0 to 65535, got ${String(port)}`);
  const emulator = new Emulator(engineOptions);
  const server = createEmulatorServer(emulator);
  const bound = await new Promise<number>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new EmulatorStartError(
          error.code === 'EADDRINUSE'
            ? `port ${port} on ${host} is already in use; pick another with --port or { port }`
            : `cannot listen on ${host}:${port}: ${error.message}`,
        ),
      ),
    );
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${bound}`,
    port: bound,
    emulator,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
