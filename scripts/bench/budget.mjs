// The size budgets of the client's one-call apps (the modular ones, and the same call through createClient),
// owned by the release checks (size/budget.json) and read by both size-limit and the bench.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib.mjs';

const dir = join(root, 'packages/release-checks/size');
export const budget = JSON.parse(readFileSync(join(dir, 'budget.json'), 'utf8'));
export const oneCallApp = join(dir, budget.file);
/** The one-call apps of the other two operations, under the same budget. */
export const otherOneCallApps = budget.others.map((other) => join(dir, other.file));
export const createClientApp = join(dir, budget.createClient.file);
