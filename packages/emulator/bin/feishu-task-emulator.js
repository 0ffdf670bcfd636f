#!/usr/bin/env node
import { main } from '../dist/cli.js';

const code = await main();
if (code >= 0) process.exit(code);
