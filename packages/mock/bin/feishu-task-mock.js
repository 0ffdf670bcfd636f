#!/usr/bin/env node
// feishu-task-mock: serves the Feishu Task API mock (Prism behind the front) until Ctrl+C.
import { parseArgs } from 'node:util';

const USAGE = `Usage: feishu-task-mock [--port <n>] [--host <address>] [--verbose] [--help]

Serves a mock of the Feishu / Lark Task API (Prism, from the bundled OpenAPI description).
The port opens only once the mock answers requests.

  --port <n>        port to listen on, 0 to 65535 (default: $PORT or 4021; 0 picks a free one)
  --host <address>  address to listen on (default: 127.0.0.1)
  --verbose         print Prism's own log
  --help            print this help

Environment: FEISHU_MOCK_NODE=<path of a node binary> runs Prism on that Node (default: this one).`;

function usageError(message) {
  process.stderr.write(`feishu-task-mock: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4021' },
      host: { type: 'string', default: '127.0.0.1' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  usageError(error.message.split('\n')[0]);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535)
  usageError(`--port must be a whole number from 0 to 65535, not "${values.port}"`);

const { startMock } = await import('../dist/index.js');
try {
  const mock = await startMock({
    port: Number(values.port),
    host: values.host,
    verbose: values.verbose,
    keepProcessAlive: true,
  });
  process.stdout.write(`Feishu Task mock listening on ${mock.url}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await mock.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);
} catch (error) {
  process.stderr.write(`feishu-task-mock: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
