/**
 * Values nested without bound outside the coordinates — a property 100 000 arrays deep, a deep
 * foreign member — overflow the stack of every recursive step after the parse (JSON.stringify
 * when packing, structured clone, the popup). Such a value is left out of the feature before it
 * is checked, with a remark naming it; the rest of the feature is imported.
 */
import { featureProblem } from './messages';
import type { ImportProblem } from './types';

/** Deeper than this, a value outside the coordinates is left out. */
export const MAX_VALUE_DEPTH = 64;

/** True if `value` nests arrays or objects more than `limit` deep (walked without recursion). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  if (!value || typeof value !== 'object') return false;
  const values: unknown[] = [value];
  const depths: number[] = [1];
  while (values.length > 0) {
    const current = values.pop() as object;
    const depth = depths.pop() as number;
    if (depth > limit) return true;
    const children: unknown[] = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) {
      if (child && typeof child === 'object') {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

const FEATURE_MEMBERS = new Set(['type', 'id', 'geometry', 'properties']);
const GEOMETRY_MEMBERS = new Set(['type', 'coordinates', 'geometries']);

/** `object` without its members (other than `kept`) nested too deep; null if there are none. */
function withoutDeep(
  object: Record<string, unknown>,
  skip: Set<string> | null,
  path: string,
  left: string[]
): Record<string, unknown> | null {
  let copy: Record<string, unknown> | null = null;
  for (const key in object) {
    if (!Object.hasOwn(object, key) || skip?.has(key)) continue;
    const value = object[key];
    if (!value || typeof value !== 'object' || !nestsDeeperThan(value, MAX_VALUE_DEPTH)) continue;
    copy ??= { ...object };
    delete copy[key];
    left.push(path ? `${path}.${key}` : key);
  }
  return copy;
}

/**
 * The candidate with every value nested more than MAX_VALUE_DEPTH deep outside the coordinates
 * left out (properties, foreign members of the feature and of its geometry), and a remark for
 * each; the candidate itself when there is none (the common case allocates nothing).
 *
 * @example withoutDeepValues({ type: 'Feature', properties: { a: deep }, geometry }, 0).problems[0].code // → 'value-too-deep'
 */
export function withoutDeepValues(
  candidate: unknown,
  index: number
): { candidate: unknown; problems: ImportProblem[] | null } {
  if (!candidate || typeof candidate !== 'object' || Array.isArray(candidate)) {
    return { candidate, problems: null };
  }
  const feature = candidate as Record<string, unknown>;
  const left: string[] = [];
  let result: Record<string, unknown> | null = withoutDeep(feature, FEATURE_MEMBERS, '', left);
  const properties = feature.properties;
  if (properties && typeof properties === 'object' && !Array.isArray(properties)) {
    const kept = withoutDeep(properties as Record<string, unknown>, null, 'properties', left);
    if (kept) (result ??= { ...feature }).properties = kept;
  }
  const geometry = feature.geometry;
  if (geometry && typeof geometry === 'object' && !Array.isArray(geometry)) {
    const kept = withoutDeep(
      geometry as Record<string, unknown>,
      GEOMETRY_MEMBERS,
      'geometry',
      left
    );
    if (kept) (result ??= { ...feature }).geometry = kept;
  }
  if (!result) return { candidate, problems: null };
  const id = feature.id;
  const featureId = typeof id === 'string' || typeof id === 'number' ? id : undefined;
  return {
    candidate: result,
    problems: left.map((field) =>
      featureProblem('value-too-deep', index, featureId, { field, max: MAX_VALUE_DEPTH })
    )
  };
}
