// A real local HTTP server for the cases that need real sockets: timeouts, non-JSON bodies.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from './client-form.js';

export async function startServer(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A client of a local test server: a static token, no quotas, 1 ms backoff; `o` overrides. */
export const serverClient = (url: string, o: object = {}) =>
  createClient({
    domain: url,
    auth: { tenantAccessToken: 't-static-abcdef' },
    throttle: false,
    retryDelay: { baseDelayMs: 1 },
    ...o,
  });
