// The machine-readable extensions the client, the mock and the docs read have the shape they expect.

import { errorExamples, loadSpec, operations } from '@feishu-task/spec-tools';
import { describe, expect, it } from 'vitest';

const spec = loadSpec(import.meta.url, 'dereferenced');
const KINDS = ['validation', 'conflict', 'permission', 'auth', 'token', 'not_found', 'rate_limit', 'server'];

describe('extensions', () => {
  for (const { method, path, operation } of operations(spec)) {
    describe(`${operation.operationId} (${method.toUpperCase()} ${path})`, () => {
      it('every error example has a code, a known kind and advice in English and Chinese', () => {
        const examples = errorExamples(operation);
        expect(examples.length).toBeGreaterThan(0);
        for (const e of examples) {
          expect(e.meta?.code, e.name).toBe(e.code);
          expect(KINDS, `${e.name}.kind`).toContain(e.meta?.kind);
          expect(e.advice?.en, `${e.name}.advice.en`).toMatch(/\S/);
          expect(e.advice?.zh, `${e.name}.advice.zh`).toMatch(/\S/);
          expect(e.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
        }
      });

      it('an example name means one code within the operation', () => {
        const byName = new Map<string, number>();
        for (const e of errorExamples(operation)) {
          expect(byName.get(e.name) ?? e.code, e.name).toBe(e.code);
          byName.set(e.name, e.code);
        }
      });

      it('has English and Chinese summaries', () => {
        expect(operation.summary).toMatch(/[A-Za-z]/);
        expect(operation['x-i18n']?.zh?.summary).toMatch(/[\u4e00-\u9fff]/);
        expect(operation['x-i18n']?.zh?.description).toMatch(/[\u4e00-\u9fff]/);
      });
    });
  }

  it('names both deployments', () => {
    expect(spec.servers.map((s: any) => [s['x-deployment'], s.url])).toEqual([
      ['feishu', 'https://open.feishu.cn'],
      ['lark', 'https://open.larksuite.com'],
    ]);
  });

  it('declares both token kinds as bearer schemes', () => {
    const schemes = spec.components.securitySchemes;
    expect(Object.keys(schemes).sort()).toEqual(['tenant_access_token', 'user_access_token']);
    for (const s of Object.values<any>(schemes)) expect(s).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('notes where the pages disagree', () => {
    const ops = Object.fromEntries([...operations(spec)].map((o) => [o.operation.operationId, o.operation]));
    expect(ops.addTaskCollaborators.description).toMatch(/1470403.*401.*403/s);
    expect(ops.removeTaskCollaborator.description).toMatch(/1470450 is HTTP \*\*400\*\* here but 429/);
    // Pages 000 and 001: a field scope on the reference page, a required scope on the explorer's variant.
    expect(ops.addTaskCollaborators.description).toMatch(/field\* scope[\s\S]*explorer[\s\S]*\*required\* scopes/);
    expect(ops.addTaskCollaborators['x-i18n'].zh.description).toMatch(/API 调试台/);
  });
});
