// Shared by the tests: the workflow's fixture, and an independent check of answers against the spec
// (spec-tools' Ajv over the bundled spec, not the engine's own validator).
import { createSpecValidator, loadSpec, operations } from '@feishu-task/spec-tools';
import type { Fixture } from '../src/index.js';

export const dereferenced = loadSpec(import.meta.url, 'dereferenced');
// The dereferenced form: a response given by $ref (the shared 429) has its schema in place there.
const validator = createSpecValidator(dereferenced);
const ops = [...operations(dereferenced)];

export const TASK = 'task-workflow';
export const TASKLIST = 'tasklist-workflow';
export const VIEWER = 'ou_viewer';
export const EDITOR = 'ou_editor';

/** A task with a creator and a tasklist with an owner, an editor and a viewer. */
export const workflowFixture: Fixture = {
  users: [{ open_id: 'ou_creator', user_id: 'creator', union_id: 'on_creator' }],
  tasks: [{ id: TASK, creator: 'ou_creator' }],
  tasklists: [
    {
      guid: TASKLIST,
      name: 'Workflow',
      owner: { id: 'ou_owner' },
      members: [
        { id: EDITOR, role: 'editor' },
        { id: VIEWER, role: 'viewer' },
      ],
    },
  ],
};

/** The operation of a request, by method and concrete path. */
export function operationOf(method: string, path: string) {
  return ops.find(
    (o) => o.method === method.toLowerCase() && new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
}

/** Problems of an answer against the spec: an undocumented status, or a body off the status's schema. */
export function contractProblems(method: string, path: string, status: number, body: unknown): string[] {
  const op = operationOf(method, path);
  if (!op) return [`${method} ${path}: not an operation of the spec`];
  if (!op.operation.responses?.[String(status)]) return [`${op.id}: HTTP ${status} is not documented`];
  return validator
    .errorsAt(['paths', op.path, op.method, 'responses', String(status), 'content', 'application/json', 'schema'], body)
    .map((e: any) => `${op.id} ${status}: ${e.instancePath || '/'} ${e.message}`);
}

/** Seconds until the fixed window of `windowMs` that holds `now` ends, rounded up: the true reset. */
export const secondsLeft = (now: number, windowMs: number) =>
  Math.ceil((Math.floor(now / windowMs) * windowMs + windowMs - now) / 1000);
