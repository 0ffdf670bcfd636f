// The IDs a run touches. A real tenant gets only the IDs its user passes; the emulator and other local
// targets default to the spec's example task, tasklist and members (which the emulator seeds), padded
// with made-up users where a scenario needs more (the emulator registers unknown users on first sight).
import type { RunIds } from './scenario.js';
import { collaboratorCap } from './scenarios/collaborator-cap.js';
import { type Json, loadSpec } from './spec-facts.js';

export interface SpecExampleIds {
  task: string;
  tasklist: string;
  users: string[];
  chats: string[];
  apps: string[];
}

/** The example IDs of the spec's parameters and request bodies. */
export function specExampleIds(spec: Json = loadSpec()): SpecExampleIds {
  const params = new Map<string, string>();
  const users: string[] = [];
  const chats: string[] = [];
  const apps: string[] = [];
  for (const item of Object.values<Json>(spec.paths ?? {}))
    for (const op of [item, ...Object.values<Json>(item)]) {
      for (const p of op?.parameters ?? []) if (typeof p.example === 'string') params.set(p.name, p.example);
      for (const example of Object.values<Json>(op?.requestBody?.content?.['application/json']?.examples ?? {})) {
        const v = example.value ?? {};
        for (const id of Array.isArray(v.id_list) ? v.id_list : []) users.push(id);
        if (typeof v.id === 'string') users.push(v.id);
        for (const m of Array.isArray(v.members) ? v.members : [])
          (m.type === 'chat' ? chats : m.type === 'app' ? apps : users).push(m.id);
      }
    }
  const unique = (list: string[]) => [...new Set(list.filter((x) => typeof x === 'string' && x !== ''))];
  return {
    task: params.get('task_id') ?? '',
    tasklist: params.get('tasklist_guid') ?? '',
    users: unique(users),
    chats: unique(chats),
    apps: unique(apps),
  };
}

/** Splits `--members` by the id's kind: chats are `oc_…`, apps `cli_…`, anything else a user. */
export function splitMembers(list: string[]): Pick<RunIds, 'users' | 'chats' | 'apps'> {
  return {
    users: list.filter((id) => !id.startsWith('oc_') && !id.startsWith('cli_')),
    chats: list.filter((id) => id.startsWith('oc_')),
    apps: list.filter((id) => id.startsWith('cli_')),
  };
}

/** Example users, then made-up ones up to one more than the collaborator cap (local targets only). */
export function localUsers(examples: string[]): string[] {
  const out = [...examples];
  for (let i = 1; out.length <= collaboratorCap(); i++) out.push(`ou_conformance_${String(i).padStart(3, '0')}`);
  return out;
}
