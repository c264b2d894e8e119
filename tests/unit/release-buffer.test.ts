/**
 * releaseBuffer detaches and frees a buffer where the engine has ArrayBuffer.prototype.transfer,
 * and leaves it alone where it does not (Node 20), never touching anything but an ArrayBuffer.
 */
import { describe, expect, test } from 'vitest';
import { releaseBuffer } from '../../src/lib/storage/release-buffer';

describe('releaseBuffer', () => {
  test('transfers the buffer to length 0 where transfer exists', () => {
    const buffer = new ArrayBuffer(16);
    const asked: (number | undefined)[] = [];
    Object.defineProperty(buffer, 'transfer', {
      value: (length?: number) => {
        asked.push(length);
        return new ArrayBuffer(0);
      }
    });
    releaseBuffer(buffer);
    expect(asked).toEqual([0]);
  });

  test('detaches the buffer with the engine’s own transfer, when it has one', () => {
    const buffer = new ArrayBuffer(16);
    const view = new Float64Array(buffer);
    releaseBuffer(buffer);
    const hasTransfer =
      typeof (ArrayBuffer.prototype as { transfer?: unknown }).transfer === 'function';
    expect(buffer.byteLength).toBe(hasTransfer ? 0 : 16);
    expect(view.length).toBe(hasTransfer ? 0 : 2);
  });

  test('leaves empty buffers and SharedArrayBuffers alone', () => {
    const shared = new SharedArrayBuffer(8);
    releaseBuffer(shared);
    expect(shared.byteLength).toBe(8);
    expect(() => releaseBuffer(new ArrayBuffer(0))).not.toThrow();
  });
});
