// Every fact of the official pages' tables, as recorded in fixtures/seed-facts.json (each with the page it
// came from), must be in the spec: error codes per endpoint with their own HTTP status, message and
// advice; rate limits; scopes. Runs on every clone; seed-pages.test.ts checks the fixture against the pages.
import { errorExamples, loadSpec, operations, type Seed } from '@feishu-task/spec-tools';
import { describe, expect, it } from 'vitest';
import facts from './fixtures/seed-facts.json' with { type: 'json' };

const spec = loadSpec(import.meta.url, 'dereferenced');
const seeds = facts as Seed[];
const operationFor = (method: string, path: string) =>
  [...operations(spec)].find((o) => o.method === method && o.path === path)?.operation;

describe('facts of the official pages (fixtures/seed-facts.json)', () => {
  it('cover all five pages, each naming one of the spec operations', () => {
    expect(seeds).toHaveLength(5);
    for (const seed of seeds) {
      // The API explorer's variants (001, 004) were saved without their address; the file names them.
      if (seed.source !== undefined) expect(seed.source, seed.file).toMatch(/^https:\/\/open\.feishu\.cn\/document\//);
      expect(operationFor(seed.method, seed.path), `${seed.file}: ${seed.method} ${seed.path}`).toBeDefined();
      expect(seed.errors.length, `${seed.file} error table`).toBeGreaterThan(0);
    }
  });

  for (const seed of seeds) {
    describe(`${seed.file} (${seed.method.toUpperCase()} ${seed.path})`, () => {
      const operation = operationFor(seed.method, seed.path);
      const examples = operation ? errorExamples(operation) : [];

      for (const row of seed.errors) {
        it(`documents ${row.code} under HTTP ${row.status}`, () => {
          const match = examples.filter((e) => e.code === row.code && e.status === row.status);
          expect(match, `no example for (${row.status}, ${row.code})`).toHaveLength(1);
          if (seed.readableProse) {
            expect(match[0]?.message).toBe(row.message);
            expect(match[0]?.advice?.zh).toBe(row.advice);
          }
        });
      }

      it('gives each documented code only the status its page gives', () => {
        const pageCodes = new Set(seed.errors.map((r) => r.code));
        for (const e of examples.filter((x) => pageCodes.has(x.code))) {
          expect(seed.errors).toContainEqual(expect.objectContaining({ code: e.code, status: e.status }));
        }
      });

      if (seed.rateLimit) {
        it('carries the page rate limit', () => {
          const limit = operation?.['x-feishu-rate-limit'];
          expect({ per_minute: limit?.per_minute, per_second: limit?.per_second }).toEqual(seed.rateLimit);
        });
      }

      it('carries the page scopes in x-feishu-scopes and accepts both token kinds', () => {
        expect(operation?.['x-feishu-scopes']).toEqual(seed.scopes);
        // Bearer requirements list no scopes: 3.0-era tools (Spectral's oas ruleset) read scope names on a
        // non-OAuth scheme as undefined scopes. x-feishu-scopes is where the page's scopes live.
        expect(operation?.security).toEqual([{ tenant_access_token: [] }, { user_access_token: [] }]);
      });
    });
  }
});
