// Namespaces: one server shared by parallel test files, each file with its own emulator (state, clock,
// quotas, journal, faults, settings). A request names its namespace by the header
// `x-emulator-namespace: <name>` or the path prefix `/__ns/<name>/...` (for clients that cannot set a
// header, such as the official SDK: `domain: ${url}/__ns/<name>`); neither, and it goes to the default
// one. A namespace is made on first use from the options the server started with.
import { Emulator, type EmulatorOptions } from './engine.js';

export const NAMESPACE_HEADER = 'x-emulator-namespace';
export const NAMESPACE_PREFIX = '/__ns/';
const NAME = /^[A-Za-z0-9._-]{1,64}$/;

export class NamespaceError extends Error {
  override name = 'NamespaceError';
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

  /** The emulator of namespace `name`, made on first use. */
  get(name: string): Emulator {
    if (!NAME.test(name))
      throw new NamespaceError(`namespace "${name.slice(0, 80)}" must be 1-64 of A-Z a-z 0-9 . _ -`);
    let emulator = this.named.get(name);
    if (!emulator) {
      if (this.named.size >= this.limit)
        throw new NamespaceError(`at most ${this.limit} namespaces; this server has them all`);
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
   * the header; a bad name throws a NamespaceError.
   */
  resolve(url: string, header: string | undefined): { emulator: Emulator; url: string } {
    if (url.startsWith(NAMESPACE_PREFIX)) {
      const rest = url.slice(NAMESPACE_PREFIX.length);
      const end = rest.search(/[/?]/);
      const name = decodeURIComponent(end < 0 ? rest : rest.slice(0, end));
      const tail = end < 0 ? '/' : rest.slice(end);
      return { emulator: this.get(name), url: tail.startsWith('?') ? `/${tail}` : tail };
    }
    if (header !== undefined && header !== '') return { emulator: this.get(header), url };
    return { emulator: this.root, url };
  }
}
