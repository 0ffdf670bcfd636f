// The one size budget of the client's one-call app, owned by the release checks (size/budget.json) and
// read by both size-limit and the bench.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib.mjs';

const dir = join(root, 'packages/release-checks/size');
export const budget = JSON.parse(readFileSync(join(dir, 'budget.json'), 'utf8'));
export const oneCallApp = join(dir, budget.file);
