/**
 * Pinyin of place names, computed at build time with pinyin-pro (never shipped to the browser:
 * the index stores the result). Polyphonic characters get pinyin-pro's reading in context.
 */
import { pinyin } from 'pinyin-pro';
import { isHan, normalizeChar } from './text';

const OPTIONS = { toneType: 'none', type: 'array', v: true } as const;

/**
 * One unit per code point of `label`: its pinyin syllable for a Han character (`lv` for 绿),
 * its normal form for a letter or digit, '' for anything else.
 * @example pinyinUnits('绿城SK') // ['lv', 'cheng', 's', 'k']
 */
export function pinyinUnits(label: string): string[] {
  const chars = Array.from(label);
  const inContext = pinyin(label, OPTIONS);
  const syllables =
    inContext.length === chars.length ? inContext : chars.map((c) => pinyin(c, OPTIONS)[0] ?? '');
  return chars.map((char, i) => {
    if (isHan(char)) return /^[a-z]+$/.test(syllables[i]) ? syllables[i] : '';
    const plain = normalizeChar(char);
    return /^[\p{L}\p{N}]$/u.test(plain) ? plain : '';
  });
}
