// The control API over HTTP, under a prefix reserved for it (`/__emulator`): the same calls as the JS
// API, for tests in other languages and for poking at a running emulator with curl. Every route checks
// its body and query against its schema first (control-schemas.ts, config.ts, fixture.ts, faults.ts)
// and answers 400 naming the field, with nothing changed. Shared by the HTTP server and the MSW handlers.
import type { TSchema } from 'typebox';
import { checkConfig } from './config.js';
import {
  ClockInputSchema,
  JournalQuerySchema,
  NoQuerySchema,
  ResetQuerySchema,
  UserTokenInputSchema,
} from './control-schemas.js';
import type { Emulator } from './engine.js';
import { FaultConfigError } from './faults.js';
import { checkFixture } from './fixture.js';
import { checker, InputError } from './schema.js';

export const CONTROL_PREFIX = '/__emulator';

export interface ControlAnswer {
  status: number;
  body: unknown;
}

interface Route {
  /** The body is required (else it must be absent, or is optional when `body: 'optional'`). */
  body?: 'required' | 'optional';
  query?: TSchema;
  run(emulator: Emulator, body: unknown, query: Record<string, string>): unknown;
}

/** How a message names the whole body (its field is `body`). */
const BODY = 'the body';

const check = {
  clock: checker(ClockInputSchema, 'clock'),
  userToken: checker(UserTokenInputSchema, 'user-tokens'),
};

const ROUTES: Record<string, Route> = {
  'GET /snapshot': { run: (e) => e.snapshot() },
  'PUT /snapshot': {
    body: 'required',
    run: (e, body) => {
      e.restore(checkFixture(body, BODY));
      return e.snapshot();
    },
  },
  'GET /state': { run: (e) => e.snapshot() },
  'POST /reset': {
    body: 'optional',
    query: ResetQuerySchema,
    run: (e, body, q) => {
      e.reset(body === undefined ? undefined : checkFixture(body, BODY), { dropTokens: q.dropTokens === 'true' });
      return e.snapshot();
    },
  },
  'POST /seed': {
    body: 'required',
    run: (e, body) => {
      e.seed(checkFixture(body, BODY));
      return e.snapshot();
    },
  },
  'GET /journal': {
    query: JournalQuerySchema,
    run: (e, _b, q) => {
      if (q.operation !== undefined && !e.operations.some((o) => o.id === q.operation))
        throw new InputError(
          `journal: operation "${q.operation}" is not an operation (have ${e.operations.map((o) => o.id).join(', ')})`,
          'operation',
        );
      return e.journal({
        ...(q.operation ? { operation: q.operation } : {}),
        ...(q.limit !== undefined ? { limit: Number(q.limit) } : {}),
      });
    },
  },
  'DELETE /journal': {
    run: (e) => {
      e.clearJournal();
      return { cleared: true };
    },
  },
  'GET /faults': { run: (e) => e.faults.list() },
  'POST /faults': {
    body: 'required',
    run: (e, body) => {
      if (typeof body !== 'object' || body === null)
        throw new FaultConfigError('fault: the body must be a JSON object or an array of them', '');
      e.faults.inject(body as never);
      return e.faults.list();
    },
  },
  'DELETE /faults': {
    run: (e) => {
      e.faults.clear();
      return [];
    },
  },
  'GET /clock': { run: (e) => ({ now: e.clock.now(), frozen: e.clock.frozen }) },
  'POST /clock': {
    body: 'required',
    run: (e, body) => {
      const b = check.clock(body, BODY);
      // All or nothing: a set followed by an advance past the latest Date is refused before either.
      const target = (b.set ?? e.clock.now()) + (b.advanceMs ?? 0);
      if (b.advanceMs !== undefined && target > 8.64e15)
        throw new InputError('clock: advanceMs would pass the latest Date (8.64e15)', 'advanceMs');
      if (b.set !== undefined) e.clock.set(b.set);
      if (b.frozen === true) e.clock.freeze();
      if (b.frozen === false) e.clock.unfreeze();
      if (b.advanceMs !== undefined) e.clock.advance(b.advanceMs);
      return { now: e.clock.now(), frozen: e.clock.frozen };
    },
  },
  'POST /user-tokens': {
    body: 'required',
    run: (e, body) => {
      const b = check.userToken(body, BODY);
      return e.issueUserToken(b.user, {
        ...(b.app_id ? { appId: b.app_id } : {}),
        ...(b.expire !== undefined ? { expire: b.expire } : {}),
      });
    },
  },
  'GET /config': { run: (e) => e.settings() },
  'PATCH /config': { body: 'required', run: (e, body) => e.configure(checkConfig(body, BODY)) },
  'GET /contract': { run: (e) => e.contractViolations() },
  'GET /health': { run: () => ({ ok: true }) },
};

const queryCheckers = new Map<TSchema, (v: unknown) => unknown>();
const checkQuery = (schema: TSchema, query: Record<string, string>) => {
  let c = queryCheckers.get(schema);
  if (!c) {
    c = checker(schema, 'query');
    queryCheckers.set(schema, c);
  }
  c(query);
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
  const refuse = (error: string, field: string) => ({ status: 400, body: { error, field, name: 'InputError' } });
  const params: Record<string, string> = {};
  for (const [k, v] of query) {
    if (k in params) return refuse(`query: ${k} is given twice`, k);
    params[k] = v;
  }
  let body: unknown;
  if (text.trim() !== '') {
    if (!route.body) return refuse(`${method} ${CONTROL_PREFIX}${subpath} takes no body`, 'body');
    try {
      body = JSON.parse(text);
    } catch {
      return refuse('the body is not valid JSON', 'body');
    }
  } else if (route.body === 'required') return refuse('a JSON body is required', 'body');
  try {
    checkQuery(route.query ?? NoQuerySchema, params);
    return { status: 200, body: route.run(emulator, body, params) ?? null };
  } catch (error) {
    const e = error as Error & { field?: string };
    // A problem of the whole input is a problem of the body (a query's problems name their parameter).
    return { status: 400, body: { error: e.message, field: e.field || 'body', name: e.name } };
  }
}
