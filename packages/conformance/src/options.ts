// What a run is given, and what it makes of it before anything is sent: the target, the IDs, the
// credentials. Anything missing or wrong is a ConformanceUsageError (exit 2) naming what to pass.
import { servers } from '@feishu-task/types';
import { localUsers, specExampleIds, splitMembers } from './ids.js';
import type { RunIds } from './scenario.js';

export interface RunOptions {
  /** `emulator` (in process, the default), `feishu`, `lark`, or a base URL such as `http://127.0.0.1:4010`. */
  target?: string;
  task?: string;
  tasklist?: string;
  /** User (`ou_…`), chat (`oc_…`) and app (`cli_…`) ids the scenarios may add and remove. */
  members?: string[];
  appId?: string;
  appSecret?: string;
  /** A user access token of a user with no rights on the task or the tasklist. */
  userToken?: string;
  /** Run the scenarios that probe limits (request budget stated in the plan). */
  probeLimits?: boolean;
  /** Only these scenario ids. */
  only?: string[];
  /** Least time between two requests to one task (default 1000 on a real tenant, 120 elsewhere). */
  taskGapMs?: number;
  /** Per request (default 30 000). */
  timeoutMs?: number;
  /** Progress lines (already redacted). */
  onProgress?: (line: string) => void;
}

export class ConformanceUsageError extends Error {
  override name = 'ConformanceUsageError';
}

/** The test app a local target is called with (any app is registered by the emulator on first use). */
export const TEST_APP = { appId: 'cli_conformance', appSecret: 'conformance-test-secret' };

export interface Resolved {
  kind: 'emulator' | 'http' | 'feishu' | 'lark';
  baseUrl: string;
  ids: RunIds;
  appId: string;
  appSecret: string;
  userToken: string | undefined;
  taskGapMs: number;
  timeoutMs: number;
}

function positive(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0)
    throw new ConformanceUsageError(`${name} must be a number of milliseconds ≥ 0`);
  return value;
}

export function resolveOptions(options: RunOptions, env: Record<string, string | undefined> = {}): Resolved {
  const target = options.target ?? 'emulator';
  const real = target === 'feishu' || target === 'lark';
  let kind: Resolved['kind'];
  let baseUrl: string;
  if (target === 'emulator') {
    kind = 'emulator';
    baseUrl = 'http://emulator.in-process';
  } else if (real) {
    kind = target;
    baseUrl = servers[target];
  } else if (/^https?:\/\/[^/]+/.test(target)) {
    kind = 'http';
    baseUrl = target.replace(/\/+$/, '');
  } else {
    throw new ConformanceUsageError(`--target must be emulator, feishu, lark or an http(s) URL, got "${target}"`);
  }

  let appId = options.appId;
  let appSecret = options.appSecret;
  let userToken = options.userToken;
  if (real) {
    appId ??= env.FEISHU_APP_ID;
    appSecret ??= env.FEISHU_APP_SECRET;
    userToken ??= env.FEISHU_USER_ACCESS_TOKEN || undefined;
    if (!appId || !appSecret)
      throw new ConformanceUsageError(
        `--target ${target} needs the app's credentials: set FEISHU_APP_ID and FEISHU_APP_SECRET (nothing was sent)`,
      );
    const missing = [
      options.task ? '' : '--task',
      options.tasklist ? '' : '--tasklist',
      options.members?.length ? '' : '--members',
    ].filter(Boolean);
    if (missing.length)
      throw new ConformanceUsageError(
        `--target ${target} touches only the IDs you pass: give ${missing.join(', ')} (a test task, tasklist and users; nothing was sent)`,
      );
  }

  const examples = specExampleIds();
  const given = options.members?.length ? splitMembers(options.members) : undefined;
  const ids: RunIds = {
    task: options.task ?? examples.task,
    tasklist: options.tasklist ?? examples.tasklist,
    users: given?.users ?? localUsers(examples.users),
    chats: given?.chats ?? examples.chats,
    apps: given?.apps ?? examples.apps,
    realTenant: real,
    userToken: Boolean(userToken) || kind === 'emulator',
    probeLimits: options.probeLimits === true,
  };
  return {
    kind,
    baseUrl,
    ids,
    appId: appId ?? TEST_APP.appId,
    appSecret: appSecret ?? TEST_APP.appSecret,
    userToken,
    taskGapMs: positive(options.taskGapMs, 'taskGapMs', real ? 1000 : kind === 'emulator' ? 0 : 120),
    timeoutMs: positive(options.timeoutMs, 'timeoutMs', 30_000),
  };
}
