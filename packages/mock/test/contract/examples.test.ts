// Every documented answer is reachable with a Prefer header, carries its code under its status and a
// new X-Tt-Logid; every error code of the official pages (their facts, recorded in the spec package)
// is among them, so an example removed from the spec fails here even with the README table regenerated.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { errorExamples, loadSpec, operations, type Seed } from '@feishu-task/spec-tools';
import { describe, expect, it } from 'vitest';
import { mockUrl } from '../helpers.js';

const spec = loadSpec(import.meta.url, 'dereferenced');
// The pages' facts as the spec package records them (spec/test/fixtures), read from that package.
const specPackage = dirname(createRequire(import.meta.url).resolve('@feishu-task/openapi/package.json'));
const seeds = JSON.parse(readFileSync(join(specPackage, 'test/fixtures/seed-facts.json'), 'utf8')) as Seed[];

type Op = ReturnType<typeof operations> extends Generator<infer T> ? T : never;
function requestFor({ path, method, operation, pathItem }: Op): RequestInit & { url: string } {
  const params = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])];
  const url = path.replace(/\{([^}]+)\}/g, (_, n: string) => String(params.find((p) => p.name === n)?.example ?? 'x'));
  const body = Object.values<{ value: unknown }>(
    operation.requestBody?.content?.['application/json']?.examples ?? {},
  )[0]?.value;
  return {
    url,
    method: method.toUpperCase(),
    headers: { authorization: 'Bearer t-contract', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

const all = [...operations(spec)];
const cases = all.flatMap((op) => errorExamples(op.operation).map((e) => ({ op, id: op.id, ...e })));
const LOGID = /^\d{14}[0-9A-F]{20}$/;

describe('every documented error example, through the mock', () => {
  it.each(cases)('$id: $name is HTTP $status with code $code', async ({ op, status, name, code }) => {
    const { url, ...init } = requestFor(op);
    const res = await fetch(mockUrl() + url, {
      ...init,
      headers: { ...(init.headers as object), prefer: `code=${status}, example=${name}` },
    });
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ code, msg: expect.any(String) });
    expect(res.headers.get('x-tt-logid')).toMatch(LOGID);
    expect(res.headers.get('sl-violations')).toBeNull();
  });

  it.each(seeds.flatMap((s) => s.errors.map((e) => ({ file: s.file, method: s.method, path: s.path, ...e }))))(
    '$file: the page code $code under HTTP $status is answered',
    ({ method, path, code, status }) => {
      const found = cases.filter(
        (c) => c.op.method === method && c.op.path === path && c.code === code && c.status === status,
      );
      expect(found, `${method} ${path} ${status}/${code}`).toHaveLength(1);
    },
  );

  it('each answer has a new log id', async () => {
    const ids = new Set<string>();
    for (const op of all) {
      const { url, ...init } = requestFor(op);
      for (let i = 0; i < 3; i++) {
        const res = await fetch(mockUrl() + url, init);
        await res.arrayBuffer();
        ids.add(res.headers.get('x-tt-logid') ?? '');
      }
    }
    expect([...ids].every((id) => LOGID.test(id))).toBe(true);
    expect(ids.size).toBe(all.length * 3);
  });
});
