// The README states some of the spec's facts in prose (quotas, the chunk size, codes). They are written by
// hand, so this test holds each one to the generated tables: a spec change that the README misses fails.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorCatalog, operations } from '@feishu-task/types';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPIRE_SECONDS } from '../src/index.js';

const readme = readFileSync(join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'README.md'), 'utf8').replace(
  /\s+/g,
  ' ',
);
const documented = new Set(Object.values(errorCatalog).map((e) => e.code as number));

describe("the facts the README states are the spec's", () => {
  it('quotas', () => {
    const collaborators = operations.addTaskCollaborators.rateLimit;
    const members = operations.addTasklistMembers.rateLimit;
    expect(operations.removeTaskCollaborator.rateLimit).toEqual(members);
    expect(readme).toContain(`add collaborators ${collaborators.perMinute}/min;`);
    expect(readme).toContain(`add_members ${members.perMinute}/min and ${members.perSecond}/s`);
  });

  it('the chunk size of add_members', () => {
    const max = operations.addTasklistMembers.arrayLimits.members.maxItems;
    const sizes = [...readme.matchAll(/more than (\d+) go|>(\d+)-member|at most (\d+) members/g)].map((m) =>
      Number(m[1] ?? m[2] ?? m[3]),
    );
    expect(sizes).toHaveLength(3);
    expect(new Set(sizes)).toEqual(new Set([max]));
  });

  it('the replayed-success codes of x-feishu-retry', () => {
    expect(readme).toContain(
      `answered \`${operations.addTaskCollaborators.retry.replayedSuccessCodes.join('`, `')}\` (already collaborators) or \`${operations.removeTaskCollaborator.retry.replayedSuccessCodes.join('`, `')}\``,
    );
  });

  it('the token codes that make the client fetch a new token', () => {
    const tokenCodes = Object.values(errorCatalog)
      .filter((e) => e.kind === 'token')
      .map((e) => e.code as number);
    const named = readme
      .match(/an answer of ([\d /]+) drops the token/)?.[1]
      ?.split(' / ')
      .map(Number);
    expect(named?.sort()).toEqual(tokenCodes.sort());
  });

  it('every code it names is a documented one, and the default token lifetime is the exported constant', () => {
    for (const [code] of readme.matchAll(/\b(?:1470\d{3}|9999\d{4})\b/g)) expect(documented).toContain(Number(code));
    expect(readme).toContain(`\`DEFAULT_EXPIRE_SECONDS\` (${DEFAULT_EXPIRE_SECONDS} s`);
  });
});
