/**
 * Members repeated in a JSON object ({"features": [...], "features": [...]}): JSON.parse keeps
 * the last and drops the others without a word. This finds them, walking valid JSON text
 * without recursion and without building any value, down to a given depth of objects.
 */

export interface RepeatedMember {
  /** Where the object is: keys and array indexes from the top ([] for the top-level object). */
  path: (string | number)[];
  key: string;
}

interface Frame {
  /** Keys seen in this object (null for an array, or an object deeper than asked). */
  keys: Set<string> | null;
  isObject: boolean;
  expectKey: boolean;
  /** The key of the member now being read (objects), or the index of the element (arrays). */
  at: string | number;
}

/** The end (exclusive) of the string literal starting at `start` (its opening quote). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i += 2;
    else if (c === 0x22) return i + 1;
    else i++;
  }
  return text.length;
}

/** A member name `raw` (with its quotes) read in the object `frame`: noted, or found repeated. */
function readKey(frame: Frame, raw: string, found: RepeatedMember[], stack: Frame[]): void {
  const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  frame.at = key;
  if (!frame.keys) return;
  if (frame.keys.has(key)) found.push({ path: stack.slice(0, -1).map((f) => f.at), key });
  else frame.keys.add(key);
}

/**
 * Every repeated member of objects at most `maxDepth` objects deep (1: the top-level object),
 * up to `limit` of them. `text` must be valid JSON (parse it first).
 *
 * @example findRepeatedMembers('{"a":1,"a":2}', 1) // → [{ path: [], key: 'a' }]
 */
export function findRepeatedMembers(text: string, maxDepth: number, limit = 100): RepeatedMember[] {
  const found: RepeatedMember[] = [];
  const stack: Frame[] = [];
  let objects = 0;
  for (let i = 0; i < text.length && found.length < limit; i++) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 0x7b || c === 0x5b) {
      const isObject = c === 0x7b;
      if (isObject) objects++;
      const tracked = isObject && objects <= maxDepth;
      stack.push({ keys: tracked ? new Set() : null, isObject, expectKey: isObject, at: 0 });
    } else if (c === 0x7d || c === 0x5d) {
      if (stack.pop()?.isObject) objects--;
    } else if (c === 0x2c) {
      if (top?.isObject) top.expectKey = true;
      else if (top) top.at = (top.at as number) + 1;
    } else if (c === 0x3a) {
      if (top) top.expectKey = false;
    } else if (c === 0x22) {
      const end = stringEnd(text, i);
      if (top?.isObject && top.expectKey) readKey(top, text.slice(i, end), found, stack);
      i = end - 1;
    }
  }
  return found;
}
