/**
 * toEqual / toStrictEqual compare a PackedFeatures (a read-only list, not an Array) by its
 * features: equal to an array, or to another list, of equal features in the same order. So a
 * layer read back from the store equals the layer saved, whichever form its features take.
 */
import { expect } from 'vitest';
import { PackedFeatures } from '../../../src/lib/storage/unpack-features';

const asArray = (value: unknown): unknown => (value instanceof PackedFeatures ? [...value] : value);

expect.addEqualityTesters([
  function featureListsEqual(a: unknown, b: unknown, customTesters) {
    if (!(a instanceof PackedFeatures) && !(b instanceof PackedFeatures)) return undefined;
    const [left, right] = [asArray(a), asArray(b)];
    if (!Array.isArray(left) || !Array.isArray(right)) return false;
    return this.equals(left, right, customTesters);
  }
]);
