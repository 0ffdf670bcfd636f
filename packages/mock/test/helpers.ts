import { createServer } from 'node:net';
import { inject } from 'vitest';

/** The URL of the one mock the global setup starts for the contract tests. */
export const mockUrl = () => inject('mockUrl');

/** A port nothing listens on now (bound and released), for a test that starts its own mock on it. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as { port: number }).port;
  await new Promise((r) => probe.close(r));
  return port;
}
