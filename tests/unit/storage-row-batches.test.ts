import { describe, expect, it } from 'vitest';
import {
  batchSizes,
  inBatches,
  MAX_BATCH,
  valuesList,
} from '../../src/main/core/storage/row-batches';

describe('row batches', () => {
  it('cut any count into full batches, then powers of two', () => {
    expect(batchSizes(0)).toEqual([]);
    expect(batchSizes(1)).toEqual([1]);
    expect(batchSizes(149)).toEqual([64, 64, 16, 4, 1]);
    expect(batchSizes(MAX_BATCH - 1)).toEqual([32, 16, 8, 4, 2, 1]);
    for (let count = 0; count < 300; count++) {
      const sizes = batchSizes(count);
      expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(count);
      expect(new Set(sizes).size).toBeLessThanOrEqual(7);
    }
  });

  it('slice items in order', () => {
    const items = Array.from({ length: 70 }, (_, i) => i);
    const batches = inBatches(items);
    expect(batches.map((b) => b.length)).toEqual([64, 4, 2]);
    expect(batches.flat()).toEqual(items);
  });

  it('write a multi-row VALUES list', () => {
    expect(valuesList('(?, ?)', 3)).toBe('(?, ?), (?, ?), (?, ?)');
  });
});
