// The list of changes a diff finds, and the parts of the documents each rule has looked at (so the
// catch-all sees only what no rule rated).
import { LEVELS, RULES } from './rules.mjs';

const SEP = '\u0000';
const key = (path) => path.join(SEP) + SEP;

export class Changes {
  list = [];
  #claimed = [];

  /** Records a change under `rule` at `path` (an array of keys) and claims that part of the documents. */
  add(rule, path, message) {
    if (!RULES[rule]) throw new Error(`unknown diff rule ${rule}`);
    this.list.push({ rule, level: RULES[rule].level, where: where(path), message });
    this.claim(path);
  }

  /** Marks `path` as looked at, with or without a change. */
  claim(path) {
    this.#claimed.push(key(path));
  }

  isClaimed(path) {
    const k = key(path);
    return this.#claimed.some((c) => k.startsWith(c));
  }

  get level() {
    return this.list.reduce((top, c) => (LEVELS.indexOf(c.level) > LEVELS.indexOf(top) ? c.level : top), 'none');
  }
}

// "POST /open-apis/...: requestBody.application/json.members.maxItems": the operation, then the path
// inside it without the schema plumbing.
const NOISE = new Set(['content', 'schema', 'properties']);
export function where(path) {
  const [first, second, ...rest] = path;
  const head = first === 'ops' ? second : [first, second].filter((p) => p !== undefined).join('.');
  const tail = rest.filter((p) => !NOISE.has(p)).join('.');
  return tail ? `${head}: ${tail}` : String(head);
}
