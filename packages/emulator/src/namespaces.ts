// Namespaces: one server shared by parallel test files, each file with its own emulator (state, clock,
// quotas, journal, faults, settings). A request names its namespace by the header
// `x-emulator-namespace: <name>` or the path prefix `/__ns/<name>/...` (for clients that cannot set a
// header, such as the official SDK: `domain: ${url}/__ns/<name>`); neither, and it goes to the default
// one. A namespace is made on first use from the options the server started with.
import { Emulator, type EmulatorOptions } from './engine.js';
import { InputError } from './schema.js';

export const NAMESPACE_HEADER = 'x-emulator-namespace';
export const NAMESPACE_PREFIX = '/__ns/';
const NAME = /^[A-Za-z0-9._-]{1,64}$/;
const NAME_RULE = '1-64 of A-Z a-z 0-9 . _ -';

/** A refused namespace; `field` says where the name came from: the header, `path` (the prefix) or `name`. */
export class NamespaceError extends InputError {
  override name = 'NamespaceError';
}

/**
 * The answer to a request whose namespace is refused: the control API's error shape
 * (`{ error, field, name }`), whatever the request was for. A namespace is the emulator's own routing,
 * decided before the request reaches the platform model, so even a Feishu API call gets no Feishu
 * envelope: that would need a code no page documents and would read as the platform's answer. A Feishu
 * client reports it as an answer without the envelope, with the status and the start of the body.
 */
export function namespaceRefusal(error: unknown): {
  status: number;
  headers: Record<string, string>;
  body: { error: string; field: string; name: string };
} {
  const e = error instanceof NamespaceError ? error : new NamespaceError(String((error as Error)?.message), '');
  return {
    status: 400,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: { error: `emulator: ${e.message}`, field: e.field, name: e.name },
  };
}

export class Namespaces {
  private readonly named = new Map<string, Emulator>();

  constructor(
    /** The default namespace (requests that name none). */
    readonly root: Emulator,
    private readonly options: EmulatorOptions = {},
    /** At most this many namespaces (each holds a whole emulator). */
    readonly limit = 256,
  ) {}

  /** The emulator of namespace `name`, made on first use (`field`: where the name came from). */
  get(name: string, field = 'name', from = ''): Emulator {
    if (!NAME.test(name))
      throw new NamespaceError(`${from}namespace "${name.slice(0, 80)}" must be ${NAME_RULE}`, field);
    let emulator = this.named.get(name);
    if (!emulator) {
      if (this.named.size >= this.limit)
        throw new NamespaceError(`at most ${this.limit} namespaces; this server has them all`, field);
      emulator = new Emulator({ spec: this.root.spec, ...this.options });
      this.named.set(name, emulator);
    }
    return emulator;
  }

  names() {
    return [...this.named.keys()];
  }

  /**
   * The emulator a request is for, and its URL with any namespace prefix taken off. A prefix wins over
   * the header; a bad name, or a header with no name in it, throws a NamespaceError.
   */
  resolve(url: string, header: string | undefined): { emulator: Emulator; url: string } {
    if (url.startsWith(NAMESPACE_PREFIX)) {
      const rest = url.slice(NAMESPACE_PREFIX.length);
      const end = rest.search(/[/?]/);
      const raw = end < 0 ? rest : rest.slice(0, end);
      let name: string;
      try {
        name = decodeURIComponent(raw);
      } catch {
        name = raw;
      }
      const tail = end < 0 ? '/' : rest.slice(end);
      const emulator = this.get(name, 'path', `the path prefix ${NAMESPACE_PREFIX}<name>/: `);
      return { emulator, url: tail.startsWith('?') ? `/${tail}` : tail };
    }
    // An empty header is a mistake (an unset variable), not a request for the default namespace.
    if (header !== undefined && header.trim() === '')
      throw new NamespaceError(
        `the ${NAMESPACE_HEADER} header is empty: give a namespace (${NAME_RULE}), or send no header for the default one`,
        NAMESPACE_HEADER,
      );
    if (header !== undefined)
      return { emulator: this.get(header, NAMESPACE_HEADER, `the ${NAMESPACE_HEADER} header: `), url };
    return { emulator: this.root, url };
  }
}
