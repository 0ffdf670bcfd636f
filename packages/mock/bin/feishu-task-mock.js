#!/usr/bin/env node
// feishu-task-mock [--port 4010] [--host 127.0.0.1] [--verbose]
import { parseArgs } from 'node:util';
import { startMock } from '../dist/index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'feishu-task-mock [--port 4010] [--host 127.0.0.1] [--verbose]\nServes the Feishu Task API mock (Prism) from the bundled spec.',
  );
  process.exit(0);
}
try {
  const mock = await startMock({ port: Number(values.port), host: values.host, verbose: values.verbose });
  console.log(`Feishu Task mock listening on ${mock.url}`);
  const stop = async () => {
    await mock.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`feishu-task-mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
