/**
 * The sentence of a paragraph that mentions a place, for popups that quote the plan.
 *
 * Sentences end at 。；！？ (kept). When no name occurs, the paragraph's opening is used. A long
 * sentence is cut to `maxChars` around the first mention, with … where it was cut.
 *
 * @example quoteMentioning('甲。紫荆产业园规划面积6.9平方公里。乙。', ['紫荆产业园'])
 *   // '紫荆产业园规划面积6.9平方公里。'
 */
export function quoteMentioning(text: string, names: readonly string[], maxChars = 120): string {
  const sentences = text.match(/[^。；！？]+[。；！？]?/g) ?? [text];
  const usable = names.filter((name) => name.length > 0);
  for (const sentence of sentences) {
    const at = firstMention(sentence, usable);
    if (at) return clip(sentence, at.index, at.length, maxChars);
  }
  return clip(sentences[0] ?? '', 0, 0, maxChars);
}

function firstMention(
  sentence: string,
  names: readonly string[]
): { index: number; length: number } | null {
  let best: { index: number; length: number } | null = null;
  for (const name of names) {
    const index = sentence.indexOf(name);
    if (index >= 0 && (best === null || index < best.index)) best = { index, length: name.length };
  }
  return best;
}

function clip(sentence: string, index: number, length: number, maxChars: number): string {
  if (sentence.length <= maxChars) return sentence;
  const room = Math.max(0, maxChars - length);
  const start = Math.max(0, Math.min(index - Math.floor(room / 3), sentence.length - maxChars));
  const end = start + maxChars;
  return `${start > 0 ? '…' : ''}${sentence.slice(start, end)}${end < sentence.length ? '…' : ''}`;
}
