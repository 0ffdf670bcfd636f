// pnpm start's ports, checked before anything is built: each variable, when set, is a port from 0 to
// 65535 (an empty one is an error, not a random port), no two services share one, and each is free.
// Every problem is one line that names the variable to change.
import { createServer } from 'node:net';

export const SERVICES = [
  { name: 'the emulator', variable: 'EMULATOR_PORT', fallback: 4010 },
  { name: 'the mock', variable: 'MOCK_PORT', fallback: 4011 },
  { name: 'the docs', variable: 'DOCS_PORT', fallback: 8080 },
];

export class PortProblem extends Error {}

/**
 * The port of each service from `env`, or a PortProblem naming the variable. An unset variable gives the
 * service's usual port, or `unset` when given (`--smoke` passes 0: any free port).
 */
export function portsFromEnv(env, unset) {
  const ports = {};
  for (const { variable, fallback } of SERVICES) {
    const raw = env[variable];
    if (raw === undefined) {
      ports[variable] = unset ?? fallback;
      continue;
    }
    if (raw.trim() === '')
      throw new PortProblem(
        `${variable} is set but empty; set it to a port from 0 to 65535, or unset it for ${fallback}`,
      );
    if (!/^\d{1,5}$/.test(raw.trim()) || Number(raw) > 65535)
      throw new PortProblem(`${variable} must be a port from 0 to 65535 (0: any free one), got "${raw}"`);
    ports[variable] = Number(raw);
  }
  const seen = new Map();
  for (const [variable, port] of Object.entries(ports)) {
    if (port !== 0 && seen.has(port))
      throw new PortProblem(`${seen.get(port)} and ${variable} are both ${port}; give each service its own port`);
    seen.set(port, variable);
  }
  return ports;
}

/** Whether `port` can be listened on at `host` now (null), else why (EADDRINUSE, EACCES...). */
function tryListen(port, host) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error) => resolve(error.code ?? error.message));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(null)));
  });
}

/** A PortProblem for the first port that is taken or not allowed. */
export async function checkFree(ports, host = '127.0.0.1') {
  for (const [variable, port] of Object.entries(ports)) {
    if (port === 0) continue;
    const why = await tryListen(port, host);
    if (why === 'EADDRINUSE')
      throw new PortProblem(
        `port ${port} is already in use (another pnpm start?); set ${variable} to another port, e.g. ${variable}=${port + 100} pnpm start`,
      );
    if (why) throw new PortProblem(`cannot listen on ${host}:${port} (${why}); set ${variable} to another port`);
  }
}

/** The one-line message for a listen failure after the build (a port taken meanwhile). */
export function listenProblem(error, variable, port) {
  const text = String(error?.message ?? error);
  return /already in use|EADDRINUSE/.test(text)
    ? `port ${port} is already in use (another pnpm start?); set ${variable} to another port`
    : `${variable}=${port}: ${text.split('\n')[0]}`;
}
