/**
 * Binary min-heap of (priority, node) pairs on typed arrays, with lazy deletion:
 * a node may be pushed several times and stale entries are skipped by the caller.
 * push/pop are O(log size). Used by Dijkstra (Brandes 2001, weighted case).
 * @module
 */

export class MinHeap {
  private keys: Float64Array;
  private values: Int32Array;
  size = 0;

  constructor(capacity = 16) {
    this.keys = new Float64Array(Math.max(capacity, 2));
    this.values = new Int32Array(Math.max(capacity, 2));
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, value: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const values = new Int32Array(this.size * 2);
      values.set(this.values);
      this.values = values;
    }
    const keys = this.keys;
    const values = this.values;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk <= key) {
        break;
      }
      keys[i] = pk;
      values[i] = values[parent]!;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** Smallest key; only valid when size > 0. */
  peekKey(): number {
    return this.keys[0]!;
  }

  /** Removes the entry with the smallest key and returns its value (size must be > 0). */
  pop(): number {
    const keys = this.keys;
    const values = this.values;
    const top = values[0]!;
    const last = --this.size;
    const key = keys[last]!;
    const value = values[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) {
        break;
      }
      if (child + 1 < last && keys[child + 1]! < keys[child]!) {
        child++;
      }
      if (keys[child]! >= key) {
        break;
      }
      keys[i] = keys[child]!;
      values[i] = values[child]!;
      i = child;
    }
    keys[i] = key;
    values[i] = value;
    return top;
  }
}
