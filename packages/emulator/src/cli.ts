// The command line: every setting as a flag or in `--config file.json`; `--import` / `--export-on-exit`
// for state that outlives the process; SIGINT, SIGTERM and SIGHUP stop it gracefully.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Static } from 'typebox';
import * as Type from 'typebox';
import { ASSUMED, ConfigInputSchema, LIMIT_CODES } from './config.js';
import { checkFixture, type Fixture } from './fixture.js';
import { checker } from './schema.js';
import { type RunningEmulator, type StartEmulatorOptions, startEmulator } from './start.js';

export const USAGE = `Usage: feishu-task-emulator [options]

A stateful emulator of the Feishu / Lark Task API (collaborators, tasklist members, tenant tokens).

Server:
  -p, --port <n>                  port to listen on (default: $PORT, else 4020; 0 picks a free one)
      --host <address>            address to listen on (default 127.0.0.1)
      --config <file.json>        any of the settings below as JSON (flags given too win)
State:
      --fixture <file.json>       the state to start from (default: the spec's example tasks and tasklists)
      --import <file.json>        a snapshot to start from, exactly (tokens and secrets included)
      --export-on-exit <file>     write the default namespace's snapshot there on SIGINT / SIGTERM / SIGHUP
      --journal-size <n>          journal entries kept (default 1000)
      --namespace-limit <n>       namespaces the server holds at most (default 256)
      --clock-start <epochMs>     virtual time to start at
      --frozen-clock              virtual time stands still until moved
Limits:
      --no-limits                 every limit off (quotas, ${LIMIT_CODES.concurrent}, ${LIMIT_CODES.collaborators}, ${LIMIT_CODES.members})
      --profile <default|strict>  strict adds the limits no page states, at labelled assumed values:
                                    ${LIMIT_CODES.concurrent} by rate (${ASSUMED.taskFrequency.value.max} per ${ASSUMED.taskFrequency.value.windowMs} ms per task), ${LIMIT_CODES.members} at ${ASSUMED.tasklistMemberLimit.value} members
      --no-quotas                 the platform's quotas off
      --quota-scale <x>           scale every quota (0.1 = a tenth)
      --task-hold-ms <n>          how long a write holds its task (${LIMIT_CODES.concurrent} for overlapping requests; default 10)
      --no-task-concurrency       ${LIMIT_CODES.concurrent} for overlapping requests off
      --task-frequency <max/ms>   ${LIMIT_CODES.concurrent} by rate, e.g. 10/1000
      --tasklist-member-limit <n> members a tasklist holds (${LIMIT_CODES.members} beyond)
      --collaborator-limit <n>    collaborators a task holds (${LIMIT_CODES.collaborators} beyond; default the page's)
Identities:
      --token-ttl <s>             lifetime of a new tenant token, seconds
      --no-auto-register-users    refuse unknown user ids instead of registering them
      --user-limit <n>            users the registry holds (default 100000)
      --lenient-tokens            accept any well-formed t- / u- token
  -h, --help                      print this help

Namespaces: header x-emulator-namespace: <name>, or the prefix /__ns/<name>/.
Control API: /__emulator/snapshot, /__emulator/reset, /__emulator/journal, /__emulator/faults, /__emulator/clock, ...`;

export class UsageError extends Error {
  override name = 'UsageError';
}

/** What `--config` holds: the run-time settings, and the engine's and server's start options. */
export const CliConfigSchema = Type.Object(
  {
    ...ConfigInputSchema.properties,
    $schema: Type.Optional(Type.String()),
    port: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
    host: Type.Optional(Type.String({ minLength: 1 })),
    journalSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    namespaceLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    clock: Type.Optional(
      Type.Object(
        {
          start: Type.Optional(Type.Integer({ minimum: 0, maximum: 8.64e15 })),
          frozen: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
    fixture: Type.Optional(
      Type.String({ minLength: 1, description: 'a fixture file, relative to the working directory' }),
    ),
    import: Type.Optional(Type.String({ minLength: 1 })),
    exportOnExit: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);
export type CliConfig = Static<typeof CliConfigSchema>;
const checkCliConfig = checker(CliConfigSchema, '--config');

export interface CliOptions {
  port: number;
  host: string;
  help: boolean;
  /** Where to write the snapshot on a signal. */
  exportOnExit?: string;
  /** Everything startEmulator() takes. */
  start: StartEmulatorOptions;
}

function portFrom(text: string, from: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535)
    throw new UsageError(`${from} must be a port number from 0 to 65535, got "${text}"`);
  return Number(text);
}

function intFrom(text: string, flag: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text)))
    throw new UsageError(`${flag} must be an integer >= ${min}, got "${text}"`);
  return Number(text);
}

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the ${what} ${file}: ${(error as Error).message}`);
  }
}

function fixtureFrom(file: string, what: string): Fixture {
  try {
    return checkFixture(readJson(file, what));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${what} ${file}: ${(error as Error).message}`);
  }
}

export function parseCli(argv: string[], env: Record<string, string | undefined>): CliOptions {
  let values: Record<string, string | boolean | undefined>;
  const str = { type: 'string' } as const;
  const bool = { type: 'boolean' } as const;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string', short: 'p' },
        host: str,
        config: str,
        fixture: str,
        import: str,
        'export-on-exit': str,
        'journal-size': str,
        'namespace-limit': str,
        'clock-start': str,
        'frozen-clock': bool,
        'no-limits': bool,
        profile: str,
        'no-quotas': bool,
        'quota-scale': str,
        'task-hold-ms': str,
        'no-task-concurrency': bool,
        'task-frequency': str,
        'tasklist-member-limit': str,
        'collaborator-limit': str,
        'token-ttl': str,
        'no-auto-register-users': bool,
        'user-limit': str,
        'lenient-tokens': bool,
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);

  let file: CliConfig = {};
  const configPath = v('config');
  if (configPath) {
    try {
      file = checkCliConfig(readJson(configPath, 'config'));
    } catch (error) {
      throw new UsageError(`${configPath}: ${(error as Error).message}`);
    }
  }
  const { port: filePort, host: fileHost, fixture: fileFixture, import: fileImport, exportOnExit, ...fromFile } = file;
  const settings: Record<string, unknown> = { ...fromFile };

  if (values['no-limits']) settings.limits = false;
  const profile = v('profile');
  if (profile !== undefined) {
    if (profile !== 'default' && profile !== 'strict')
      throw new UsageError(`--profile must be default or strict, got "${profile}"`);
    settings.profile = profile;
  }
  if (values['no-quotas']) settings.quotas = { ...(settings.quotas as object), enabled: false };
  const scale = v('quota-scale');
  if (scale !== undefined) {
    const n = Number(scale);
    if (scale.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 1000)
      throw new UsageError(`--quota-scale must be a number > 0 and <= 1000, got "${scale}"`);
    const q = settings.quotas;
    settings.quotas = { ...(typeof q === 'object' && q ? q : { enabled: q !== false }), scale: n };
  }
  const hold = v('task-hold-ms');
  if (hold !== undefined) settings.taskConcurrency = { holdMs: intFrom(hold, '--task-hold-ms', 1) };
  if (values['no-task-concurrency']) settings.taskConcurrency = false;
  const frequency = v('task-frequency');
  if (frequency !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(frequency);
    if (!m) throw new UsageError(`--task-frequency must be max/windowMs, e.g. 10/1000, got "${frequency}"`);
    settings.taskFrequency = {
      max: intFrom(m[1] ?? '', '--task-frequency max', 1),
      windowMs: intFrom(m[2] ?? '', '--task-frequency windowMs', 1),
    };
  }
  for (const [flag, key] of [
    ['tasklist-member-limit', 'tasklistMemberLimit'],
    ['collaborator-limit', 'collaboratorLimit'],
    ['token-ttl', 'tokenTtlSeconds'],
    ['user-limit', 'userLimit'],
  ] as const) {
    const text = v(flag);
    if (text !== undefined) settings[key] = intFrom(text, `--${flag}`, 1);
  }
  if (values['no-auto-register-users']) settings.autoRegisterUsers = false;
  if (values['lenient-tokens']) settings.lenientTokens = true;

  const start: StartEmulatorOptions = settings as StartEmulatorOptions;
  const journalSize = v('journal-size');
  if (journalSize !== undefined) start.journalSize = intFrom(journalSize, '--journal-size', 1);
  const namespaceLimit = v('namespace-limit');
  if (namespaceLimit !== undefined) start.namespaceLimit = intFrom(namespaceLimit, '--namespace-limit', 1);
  const clockStart = v('clock-start');
  if (clockStart !== undefined || values['frozen-clock'])
    start.clock = {
      ...start.clock,
      ...(clockStart !== undefined ? { start: intFrom(clockStart, '--clock-start', 0) } : {}),
      ...(values['frozen-clock'] ? { frozen: true } : {}),
    };
  const importPath = v('import') ?? fileImport;
  const fixturePath = v('fixture') ?? fileFixture;
  if (importPath && fixturePath) throw new UsageError('--import and --fixture both give the starting state; pick one');
  if (importPath) start.fixture = fixtureFrom(importPath, 'import');
  else if (fixturePath) start.fixture = fixtureFrom(fixturePath, 'fixture');

  const portText = v('port');
  const port =
    portText !== undefined
      ? portFrom(portText, '--port')
      : filePort !== undefined
        ? filePort
        : env.PORT
          ? portFrom(env.PORT, 'PORT')
          : 4020;
  const exportTo = v('export-on-exit') ?? exportOnExit;
  return {
    port,
    host: v('host') ?? fileHost ?? '127.0.0.1',
    help: values.help === true,
    ...(exportTo ? { exportOnExit: exportTo } : {}),
    start,
  };
}

/** How long requests in flight may take to finish after a signal, ms. */
export const SHUTDOWN_GRACE_MS = 5000;

/** Stops on SIGINT / SIGTERM / SIGHUP: no new connections, requests in flight finish, export, exit 0. */
function stopOnSignals(running: RunningEmulator, exportTo: string | undefined) {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`feishu-task-emulator: ${signal}, finishing requests in flight\n`);
    await running.close({ graceMs: SHUTDOWN_GRACE_MS });
    let code = 0;
    if (exportTo) {
      try {
        writeFileSync(exportTo, `${JSON.stringify(running.emulator.snapshot(), null, 2)}\n`);
        process.stderr.write(`feishu-task-emulator: state written to ${exportTo}\n`);
      } catch (error) {
        process.stderr.write(`feishu-task-emulator: cannot write ${exportTo}: ${(error as Error).message}\n`);
        code = 1;
      }
    }
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
}

export async function main(argv = process.argv.slice(2), env = process.env): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv, env);
  } catch (error) {
    process.stderr.write(`feishu-task-emulator: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const running = await startEmulator({ ...options.start, port: options.port, host: options.host });
    process.stdout.write(`Feishu Task emulator listening on ${running.url}\n`);
    stopOnSignals(running, options.exportOnExit);
    return -1;
  } catch (error) {
    process.stderr.write(`feishu-task-emulator: ${(error as Error).message}\n`);
    return 1;
  }
}
