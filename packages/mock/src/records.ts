/**
 * A list that keeps only its last `limit` entries, so that a long-running mock's memory stays bounded.
 * It is a plain array (assertions, `.length = 0` to clear); `add` drops the oldest entries.
 */
export class Ring<T> extends Array<T> {
  static override get [Symbol.species]() {
    return Array;
  }
  #limit = 1000;
  setLimit(limit: number): this {
    this.#limit = limit;
    return this;
  }
  add(item: T): void {
    if (this.#limit <= 0) return;
    this.push(item);
    if (this.length > this.#limit) this.splice(0, this.length - this.#limit);
  }
}
