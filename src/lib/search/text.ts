/**
 * Text the search index and its queries agree on (plain TS, no DOM): one normal form and one
 * tokenizer, used at build time for the documents and in the browser for the query.
 *
 * Chinese has no spaces, so a run of Han characters is indexed as its characters and its
 * character bigrams (`紫荆产业园` → 紫 荆 产 业 园 紫荆 荆产 产业 业园); a query run of two or more
 * characters asks for its bigrams, all of which must match, which finds phrases without a
 * dictionary and without depending on a browser's word segmenter. Other letters and digits form
 * words (`5g`, `zijing`, `1800`). Everything else (punctuation, `<`, `=`, spaces) separates.
 */

/** Traditional → simplified characters, only those whose simplified form is in the index. */
export type Fold = ReadonlyMap<string, string>;

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

/** One code point of a text in normal form, with where it was in the original string. */
export interface NormalChar {
  /** Normal form: NFKC (full-width → ASCII), lower case, traditional folded to simplified. */
  text: string;
  /** UTF-16 offsets of the original code point. */
  start: number;
  end: number;
}

/** The normal form of one code point. */
export function normalizeChar(char: string, fold?: Fold): string {
  const plain = char.normalize('NFKC').toLowerCase();
  return fold?.get(plain) ?? plain;
}

/** Each code point of `text` in normal form, with its offsets, for mapping matches back. */
export function normalChars(text: string, fold?: Fold): NormalChar[] {
  const chars: NormalChar[] = [];
  let offset = 0;
  for (const char of text) {
    chars.push({ text: normalizeChar(char, fold), start: offset, end: offset + char.length });
    offset += char.length;
  }
  return chars;
}

/** `text` in normal form. */
export function normalize(text: string, fold?: Fold): string {
  let out = '';
  for (const char of text) out += normalizeChar(char, fold);
  return out;
}

export const isHan = (char: string): boolean => HAN.test(char);

/** A run of Han characters or of other letters and digits, in normal form. */
interface Run {
  han: boolean;
  chars: string[];
}

function runsOf(text: string, fold?: Fold): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const char of normalize(text, fold)) {
    const han = HAN.test(char);
    if (!han && !WORD.test(char)) {
      current = null;
      continue;
    }
    if (!current || current.han !== han) {
      current = { han, chars: [] };
      runs.push(current);
    }
    current.chars.push(char);
  }
  return runs;
}

function bigrams(chars: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** Terms of a document field: Han characters and bigrams, words. */
export function tokenizeDocument(text: string, fold?: Fold): string[] {
  const terms: string[] = [];
  for (const run of runsOf(text, fold)) {
    if (run.han) terms.push(...run.chars, ...bigrams(run.chars));
    else terms.push(run.chars.join(''));
  }
  return terms;
}

/** A query's runs: each as one phrase, and the terms it asks the index for. */
export function queryRuns(text: string, fold?: Fold): { phrase: string; terms: string[] }[] {
  return runsOf(text, fold).map((run) => ({
    phrase: run.chars.join(''),
    terms: !run.han || run.chars.length === 1 ? [run.chars.join('')] : bigrams(run.chars)
  }));
}

/** Terms of a query, each of which must match: a Han run's bigrams (or its one character), words. */
export function tokenizeQuery(text: string, fold?: Fold): string[] {
  return [...new Set(queryRuns(text, fold).flatMap((run) => run.terms))];
}

/** True for a term of letters and digits (pinyin, English, numbers), false for Han terms. */
export const isWordTerm = (term: string): boolean => !HAN.test(term);
