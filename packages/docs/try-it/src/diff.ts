// What a request changed in the emulator's state: the difference of two snapshots. Lists of records are
// matched by their id (a task by `id`, a tasklist by `guid`, a user by `open_id`...), lists of ids as sets,
// so a change reads as "tasks[t1].collaborators + ou_x", not as every index that shifted.
export interface Change {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const KEYS = ['id', 'guid', 'open_id', 'chat_id', 'app_id', 'token'];
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const keyOf = (list: unknown[]) => KEYS.find((k) => list.length > 0 && list.every((v) => isObj(v) && k in v));
const label = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function diff(before: unknown, after: unknown, path = ''): Change[] {
  if (Array.isArray(before) && Array.isArray(after)) return diffList(before, after, path);
  if (isObj(before) && isObj(after)) {
    const out: Change[] = [];
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const at = path ? `${path}.${key}` : key;
      if (!(key in after)) out.push({ path: at, kind: 'removed', before: before[key] });
      else if (!(key in before)) out.push({ path: at, kind: 'added', after: after[key] });
      else out.push(...diff(before[key], after[key], at));
    }
    return out;
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, kind: 'changed', before, after }];
}

function diffList(before: unknown[], after: unknown[], path: string): Change[] {
  const key = keyOf(before.length ? before : after);
  if (key && (after.length === 0 || keyOf(after) === key) && (before.length === 0 || keyOf(before) === key)) {
    const id = (v: unknown) => String((v as Obj)[key]);
    const was = new Map(before.map((v) => [id(v), v]));
    const now = new Map(after.map((v) => [id(v), v]));
    const out: Change[] = [];
    for (const [k, v] of was) if (!now.has(k)) out.push({ path: `${path}[${k}]`, kind: 'removed', before: v });
    for (const [k, v] of now) {
      if (!was.has(k)) out.push({ path: `${path}[${k}]`, kind: 'added', after: v });
      else out.push(...diff(was.get(k), v, `${path}[${k}]`));
    }
    return out;
  }
  const was = new Set(before.map(label));
  const now = new Set(after.map(label));
  const out: Change[] = [];
  before.forEach((v, i) => {
    if (!now.has(label(v))) out.push({ path, kind: 'removed', before: before[i] });
  });
  after.forEach((v, i) => {
    if (!was.has(label(v))) out.push({ path, kind: 'added', after: after[i] });
  });
  return out;
}

/** One line per change: `+ tasks[t1].collaborators ou_x`, `- …`, `~ path: a → b`. */
export function formatChanges(changes: Change[]): string {
  return changes
    .map((c) =>
      c.kind === 'changed'
        ? `~ ${c.path}: ${label(c.before)} → ${label(c.after)}`
        : `${c.kind === 'added' ? '+' : '-'} ${c.path} ${label(c.kind === 'added' ? c.after : c.before)}`,
    )
    .join('\n');
}
