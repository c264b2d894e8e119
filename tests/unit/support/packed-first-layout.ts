/**
 * Test support: a packed record as the first layout ('packed-features/1', before the text
 * became UTF-8 bytes) had it — what IndexedDB may still hold from then.
 */
import type { PackedFeatureRecord } from '../../../src/lib/storage/packed-features';

/** A record as the first layout had it: text a string, offsets in UTF-16 code units. */
export function firstLayoutOf(record: PackedFeatureRecord): Record<string, unknown> {
  const decoder = new TextDecoder();
  const pieces: string[] = [];
  const textOffsets = new Uint32Array(record.count + 1);
  for (let k = 0; k < record.count; k++) {
    pieces.push(
      decoder.decode(record.text.subarray(record.textOffsets[k], record.textOffsets[k + 1]))
    );
    textOffsets[k + 1] = textOffsets[k] + pieces[k].length;
  }
  return { ...record, format: 'packed-features/1', text: pieces.join(''), textOffsets };
}
