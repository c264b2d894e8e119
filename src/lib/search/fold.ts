/**
 * The 繁→简 fold table, built at build time with opencc-js (never shipped: the index file carries
 * the table). Only traditional forms of characters that occur in the index are kept — a query
 * character whose simplified form is not in the index cannot match anything anyway — so the
 * table stays a few kilobytes instead of OpenCC's whole dictionary.
 */
import { Converter } from 'opencc-js';
import { isHan } from './text';

const toTraditional = [
  Converter({ from: 'cn', to: 't' }),
  Converter({ from: 'cn', to: 'tw' }),
  Converter({ from: 'cn', to: 'hk' })
];
const toSimplified = Converter({ from: 't', to: 'cn' });

/**
 * Traditional → simplified pairs, concatenated (`國国產产…`), for every Han character of `texts`
 * whose traditional form differs and converts back to it.
 */
export function foldPairs(texts: Iterable<string>): string {
  const simplified = new Set<string>();
  for (const text of texts) for (const char of text) if (isHan(char)) simplified.add(char);
  const pairs = new Map<string, string>();
  for (const char of [...simplified].sort()) {
    for (const convert of toTraditional) {
      const traditional = convert(char);
      if (traditional === char || Array.from(traditional).length !== 1) continue;
      if (pairs.has(traditional) || toSimplified(traditional) !== char) continue;
      pairs.set(traditional, char);
    }
  }
  return [...pairs].map(([t, s]) => t + s).join('');
}
