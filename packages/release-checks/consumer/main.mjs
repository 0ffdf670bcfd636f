// Node, Bun and Deno entry: prints the run's lines as JSON.
import { run } from './build/app.js';

const url = globalThis.Deno ? globalThis.Deno.env.get('MOCK_URL') : process.env.MOCK_URL;
console.log(JSON.stringify(await run(url)));
