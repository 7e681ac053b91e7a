/** A binary max-heap of (key, item) pairs; ties pop the smaller item first, so order is deterministic. */
export interface MaxHeap {
  readonly push: (key: number, item: number) => void;
  /** Removes and returns the top pair, or null when empty. */
  readonly pop: () => { key: number; item: number } | null;
  readonly size: () => number;
}

export const maxHeap = (): MaxHeap => {
  const keys: number[] = [];
  const items: number[] = [];
  const above = (i: number, j: number): boolean =>
    (keys[i] ?? 0) > (keys[j] ?? 0) || ((keys[i] ?? 0) === (keys[j] ?? 0) && (items[i] ?? 0) < (items[j] ?? 0));
  const swap = (i: number, j: number): void => {
    [keys[i], keys[j]] = [keys[j] ?? 0, keys[i] ?? 0];
    [items[i], items[j]] = [items[j] ?? 0, items[i] ?? 0];
  };
  return {
    push: (key, item) => {
      keys.push(key);
      items.push(item);
      let i = keys.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!above(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    },
    pop: () => {
      if (keys.length === 0) return null;
      const top = { key: keys[0] ?? 0, item: items[0] ?? 0 };
      const lastKey = keys.pop() ?? 0;
      const lastItem = items.pop() ?? 0;
      if (keys.length > 0) {
        keys[0] = lastKey;
        items[0] = lastItem;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < keys.length && above(l, m)) m = l;
          if (r < keys.length && above(r, m)) m = r;
          if (m === i) break;
          swap(i, m);
          i = m;
        }
      }
      return top;
    },
    size: () => keys.length,
  };
};
