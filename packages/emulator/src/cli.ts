// The command line: `feishu-task-emulator [--port N] [--host H] [--fixture file.json]`.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Fixture } from './fixture.js';
import { startEmulator } from './start.js';

export const USAGE = `Usage: feishu-task-emulator [options]

A stateful emulator of the Feishu / Lark Task API (collaborators, tasklist members, tenant tokens).

Options:
  -p, --port <n>        port to listen on (default: $PORT, else 4020; 0 picks a free one)
      --host <address>  address to listen on (default 127.0.0.1)
      --fixture <file>  JSON fixture to seed the state with (default: the spec's example tasks and tasklists)
      --no-quotas       switch the platform's quotas off
  -h, --help            print this help

Control API: /__emulator/state, /__emulator/journal, /__emulator/faults, /__emulator/clock, ...`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliOptions {
  port: number;
  host: string;
  fixture?: Fixture;
  quotas: boolean;
  help: boolean;
}

function portFrom(text: string, from: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535)
    throw new UsageError(`${from} must be a port number from 0 to 65535, got "${text}"`);
  return Number(text);
}

export function parseCli(argv: string[], env: Record<string, string | undefined>): CliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        fixture: { type: 'string' },
        'no-quotas': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  const port =
    values.port !== undefined ? portFrom(String(values.port), '--port') : env.PORT ? portFrom(env.PORT, 'PORT') : 4020;
  let fixture: Fixture | undefined;
  if (typeof values.fixture === 'string') {
    try {
      fixture = JSON.parse(readFileSync(values.fixture, 'utf8')) as Fixture;
    } catch (error) {
      throw new UsageError(`cannot read the fixture ${values.fixture}: ${(error as Error).message}`);
    }
  }
  return {
    port,
    host: typeof values.host === 'string' ? values.host : '127.0.0.1',
    ...(fixture ? { fixture } : {}),
    quotas: values['no-quotas'] !== true,
    help: values.help === true,
  };
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
    const running = await startEmulator({
      port: options.port,
      host: options.host,
      quotas: options.quotas,
      ...(options.fixture ? { fixture: options.fixture } : {}),
    });
    process.stdout.write(`Feishu Task emulator listening on ${running.url}\n`);
    const stop = () => running.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  } catch (error) {
    process.stderr.write(`feishu-task-emulator: ${(error as Error).message}\n`);
    return 1;
  }
}
