// The request pipeline: a request runs through a short list of phases (limits, route, fault, body, auth,
// quota, validation, operation); the first phase that answers ends the chain, as openapi-fetch middleware or
// MSW handlers do. Then the answer is checked against the spec and journaled once, from the final
// exchange. Nothing here touches node: modules, so the engine runs unchanged in a browser.
import { documentedAnswer, gatewayUnavailable, type Platform } from '@feishu-task/platform';
import type { Clock } from './clock.js';
import type { FaultSpec, Faults } from './faults.js';
import type { Caller, Journal, JournalEntry } from './journal.js';
import { logId as newLogId } from './log-id.js';
import type { World } from './operations/world.js';
import { authPhase } from './phases/auth.js';
import { bodyPhase } from './phases/body.js';
import { checkAnswer } from './phases/check-answer.js';
import { faultPhase } from './phases/fault.js';
import { limitsPhase } from './phases/limits.js';
import { operationPhase } from './phases/operation.js';
import { quotaPhase } from './phases/quota.js';
import { routePhase } from './phases/route.js';
import { validationPhase } from './phases/validation.js';
import type { FixedWindows } from './quotas.js';
import { redactTokens } from './redact.js';
import type { Context, Reply } from './reply.js';
import type { SpecValidator, Violation } from './validator.js';

/** A request as the engine sees it: method, path and query, lower-case headers, the body as text. */
export interface EmulatorRequest {
  method: string;
  /** Path and query, for example `/open-apis/task/v1/tasks/t1/collaborators?user_id_type=open_id`. */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  body?: string;
  /** The body's size in bytes, when the door did not read all of it (over the limit). */
  bodyBytes?: number;
}

export interface EmulatorAnswer {
  status: number;
  headers: Record<string, string>;
  /** The JSON answer (serialized by the door). */
  body: unknown;
  /** `drop`: close the connection without an answer; `truncate`: send half of the body, then close. */
  fault?: 'drop' | 'truncate';
}

/** What the phases read and change: the engine's parts, looked up per request (reset replaces state). */
export interface Engine {
  platform: Platform;
  validator: SpecValidator;
  clock: Clock;
  faults: Faults;
  quotaWindows: FixedWindows;
  world(): World;
}

/** One request on its way through the phases; the journal entry is built from it once, at the end. */
export interface Exchange {
  request: EmulatorRequest;
  method: string;
  path: string;
  query: Record<string, string>;
  logId: string;
  /** Set by the route phase; the later phases run only for a routed request. */
  ctx?: Context;
  fault?: FaultSpec;
  /** How the door delivers the answer: whole, not at all, or cut halfway. */
  wire?: 'drop' | 'truncate';
  /** The parsed JSON body (undefined when absent or not JSON). */
  body: unknown;
  /** What the journal keeps of the body (secrets redacted, large bodies as a preview). */
  journalBody: unknown;
  /** Violations found before the validation phase (a missing or unparsable body). */
  bodyViolations: Violation[];
  caller: Caller;
  validation: { valid: boolean; violations: Violation[] };
}

/** A phase answers (and ends the chain) or returns undefined to pass the request on. */
export type Phase = (x: Exchange, engine: Engine) => Reply | undefined | Promise<Reply | undefined>;

/** The phases, in order. */
export const PHASES: readonly Phase[] = [
  limitsPhase,
  routePhase,
  faultPhase,
  bodyPhase,
  authPhase,
  quotaPhase,
  validationPhase,
  operationPhase,
];

const MAX_CONTRACT_FAILURES = 100;

export async function runPipeline(
  engine: Engine,
  journal: Journal,
  contractFailures: JournalEntry[],
  request: EmulatorRequest,
): Promise<EmulatorAnswer> {
  const url = new URL(request.url, 'http://emulator.invalid');
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const x: Exchange = {
    request,
    method: request.method.toUpperCase(),
    path: url.pathname,
    query,
    logId: newLogId(engine.clock.now()),
    body: undefined,
    journalBody: undefined,
    bodyViolations: [],
    caller: { kind: 'none' },
    validation: { valid: true, violations: [] },
  };

  let reply: Reply | undefined;
  try {
    for (const phase of PHASES) {
      reply = await phase(x, engine);
      if (!reply) continue;
      // What the gateway refuses by the request limits (too long, too large, nested too deep) never reaches
      // the journal: the answer is all a caller learns, as from the gateway in front of Feishu.
      if (phase === limitsPhase) return answerOf(x, reply);
      break;
    }
  } catch (error) {
    reply = crashed(x, engine, error);
  }
  // Every phase passed: only an operation the pipeline cannot run gets here (none today).
  reply ??= { status: 500, body: { code: 1, msg: 'emulator: no phase answered' } };

  const op = x.ctx?.op;
  const contract = x.wire === 'drop' ? { valid: true, errors: [] } : checkAnswer(engine.validator, op, reply);
  const body = reply.body as { code?: unknown } | null;
  const recorded = journal.add({
    method: x.method,
    path: x.path,
    query: x.query,
    operation: op?.id ?? null,
    caller: x.caller,
    body: x.journalBody,
    validation: x.validation,
    fault: x.fault?.kind ?? null,
    at: engine.clock.now(),
    status: reply.status,
    code: typeof body?.code === 'number' ? body.code : null,
    // Tokens are secrets too: the journal keeps that one was issued, not the token itself.
    answer: op && op.secretFields.length > 0 ? redactTokens(reply.body) : reply.body,
    logId: x.logId,
    contract,
  });
  if (!contract.valid && contractFailures.length < MAX_CONTRACT_FAILURES) contractFailures.push(recorded);
  return answerOf(x, reply);
}

/**
 * A bug in the emulator must not leave a caller waiting: the operation answers its documented server
 * failure (the gateway's 503 when it has none) with `error.message` naming the bug, and it is journaled.
 */
function crashed(x: Exchange, engine: Engine, error: unknown): Reply {
  const message = `emulator internal error: ${error instanceof Error ? error.message : String(error)}`;
  const op = x.ctx?.op;
  const failure = op?.serverFailure;
  return op && failure
    ? documentedAnswer(op, failure.name, x.logId, { message })
    : gatewayUnavailable(engine.platform, message, x.logId);
}

const answerOf = (x: Exchange, reply: Reply): EmulatorAnswer => ({
  status: reply.status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'x-tt-logid': x.logId, ...reply.headers },
  body: reply.body,
  ...(x.wire ? { fault: x.wire } : {}),
});
