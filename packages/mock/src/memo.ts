/**
 * The last answers Prism gave, by request. Prism's static mock answers are a pure function of the
 * request (method, URL, body, and the headers it reads), so a request seen before is answered as Prism
 * answered it, without the round trip; a `Prefer: dynamic=true` answer is never kept. At most `limit`
 * entries, each of a request under 16 KB (least recently used first out).
 */
export class Memo<V> {
  #map = new Map<string, V>();
  constructor(private readonly limit = 500) {}

  static key(parts: {
    method: string;
    url: string;
    body: Buffer;
    authorization: boolean;
    prefer?: string;
    accept?: string;
  }) {
    if (parts.body.length > 16 * 1024 || /dynamic\s*=\s*true/i.test(parts.prefer ?? '')) return undefined;
    return `${parts.method} ${parts.url}\n${parts.authorization ? 'auth' : ''}\n${parts.prefer ?? ''}\n${parts.accept ?? ''}\n${parts.body.toString('latin1')}`;
  }

  get(key: string | undefined): V | undefined {
    if (key === undefined) return undefined;
    const value = this.#map.get(key);
    if (value !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }

  set(key: string | undefined, value: V) {
    if (key === undefined || this.limit <= 0) return;
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.limit) this.#map.delete(this.#map.keys().next().value as string);
  }
}
