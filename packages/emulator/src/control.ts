// The control API over HTTP, under a prefix reserved for it (`/__emulator`): the same calls as the JS
// API, for tests in other languages and for poking at a running emulator with curl. Shared by the
// HTTP server and the MSW handlers.
import type { Emulator } from './engine.js';

export const CONTROL_PREFIX = '/__emulator';

export interface ControlAnswer {
  status: number;
  body: unknown;
}

type Route = (emulator: Emulator, body: unknown, query: URLSearchParams) => unknown;

const ROUTES: Record<string, Route> = {
  'GET /state': (e) => e.snapshot(),
  'POST /reset': (e, body) => {
    e.reset(body === undefined ? undefined : (body as never));
    return e.snapshot();
  },
  'POST /seed': (e, body) => {
    e.seed(body as never);
    return e.snapshot();
  },
  'GET /journal': (e, _b, q) => {
    const limit = q.get('limit');
    return e.journal({
      ...(q.get('operation') ? { operation: q.get('operation') as string } : {}),
      ...(limit ? { limit: Number(limit) } : {}),
    });
  },
  'DELETE /journal': (e) => {
    e.clearJournal();
    return { cleared: true };
  },
  'GET /faults': (e) => e.faults.list(),
  'POST /faults': (e, body) => {
    for (const f of Array.isArray(body) ? body : [body]) e.faults.inject(f);
    return e.faults.list();
  },
  'DELETE /faults': (e) => {
    e.faults.clear();
    return [];
  },
  'GET /clock': (e) => ({ now: e.clock.now(), frozen: e.clock.frozen }),
  'POST /clock': (e, body) => {
    const b = (body ?? {}) as { advanceMs?: number; set?: number; frozen?: boolean };
    if (b.set !== undefined) e.clock.set(b.set);
    if (b.frozen === true) e.clock.freeze();
    if (b.frozen === false) e.clock.unfreeze();
    if (b.advanceMs !== undefined) e.clock.advance(b.advanceMs);
    return { now: e.clock.now(), frozen: e.clock.frozen };
  },
  'POST /user-tokens': (e, body) => {
    const b = (body ?? {}) as { user: string; app_id?: string; expire?: number };
    return e.issueUserToken(b.user, {
      ...(b.app_id ? { appId: b.app_id } : {}),
      ...(b.expire !== undefined ? { expire: b.expire } : {}),
    });
  },
  'GET /config': (e) => e.settings(),
  'PATCH /config': (e, body) => e.configure((body ?? {}) as never),
  'GET /contract': (e) => e.contractViolations(),
  'GET /health': () => ({ ok: true }),
};

/** Answers a control request (`subpath` is what follows the prefix); bad input answers 400 with the reason. */
export function control(
  emulator: Emulator,
  method: string,
  subpath: string,
  query: URLSearchParams,
  text: string,
): ControlAnswer {
  const route = ROUTES[`${method.toUpperCase()} ${subpath.replace(/\/$/, '') || '/'}`];
  if (!route)
    return {
      status: 404,
      body: { error: `no control route ${method} ${CONTROL_PREFIX}${subpath}`, routes: Object.keys(ROUTES) },
    };
  let body: unknown;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      return { status: 400, body: { error: 'the body is not valid JSON' } };
    }
  }
  try {
    return { status: 200, body: route(emulator, body, query) ?? null };
  } catch (error) {
    const e = error as Error;
    return { status: 400, body: { error: e.message, name: e.name } };
  }
}
