// Listening on a port, with one clear error for a taken or bad port. Node only.
import type { Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';

export class ListenError extends Error {
  override name = 'ListenError';
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** Why `port` cannot be a port to listen on, or undefined (0 picks a free one). */
export function portProblem(port: unknown): string | undefined {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535)
    return `must be an integer from 0 to 65535, got ${JSON.stringify(port)}`;
  return undefined;
}

/**
 * Listens on `host:port` and resolves with the port bound. A taken port or another failure rejects with
 * a ListenError whose message names the port and ends with `hint` (how to pick another).
 */
export function listen(server: Server, port: number, host: string, hint = 'pick another port'): Promise<number> {
  const problem = portProblem(port);
  if (problem) return Promise.reject(new ListenError(`port ${problem}`, 'EINVAL'));
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(
        new ListenError(
          error.code === 'EADDRINUSE'
            ? `port ${port} on ${host} is already in use; ${hint}`
            : error.code === 'EACCES'
              ? `no permission to listen on ${host}:${port}; ${hint}`
              : `cannot listen on ${host}:${port}: ${error.message}`,
          error.code,
        ),
      );
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Whether something accepts connections on `host:port` (then listening there would fail). It connects
 * and leaves at once; nothing is bound, so the port stays closed until the real server listens.
 */
export function portAnswers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The base URL of a server bound to `host:port` (IPv6 hosts in brackets). */
export const baseUrl = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
