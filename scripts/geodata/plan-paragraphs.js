/**
 * The plan's paragraphs with their stable ids, for the Node build (which cannot import the
 * TypeScript plan model). Follows the shared id rule; tests check it agrees with `$lib/plan`.
 */

const CHAPTER = /^第([一二三四五六七八九十]+)章/;
const SECTION = /^第([一二三四五六七八九十]+)节/;
const DIGITS = /** @type {Record<string, number>} */ ({
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9
});

/**
 * Reads a Chinese numeral up to 99.
 * @example chineseNumber('十二') // 12
 * @param {string} numeral
 * @returns {number}
 */
export function chineseNumber(numeral) {
  const [tens, units] = numeral.split('十');
  if (units === undefined) return DIGITS[tens];
  return (tens ? DIGITS[tens] : 1) * 10 + (units ? DIGITS[units] : 0);
}

/**
 * @typedef {{ id: string, text: string }} PlanParagraph
 */

/**
 * Splits the plan file into paragraphs with ids `c0p{n}`, `c{ch}p{n}` or `c{ch}s{sec}p{n}`.
 * @param {string} planText the whole plan file
 * @returns {PlanParagraph[]}
 */
export function planParagraphs(planText) {
  const units = planText
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .slice(2);
  /** @type {PlanParagraph[]} */
  const paragraphs = [];
  let chapter = 0;
  /** @type {number | null} */
  let section = null;
  let n = 0;
  for (const text of units) {
    const chapterMatch = CHAPTER.exec(text);
    const sectionMatch = SECTION.exec(text);
    if (chapterMatch) {
      chapter = chineseNumber(chapterMatch[1]);
      section = null;
      n = 0;
    } else if (sectionMatch) {
      section = chineseNumber(sectionMatch[1]);
      n = 0;
    } else {
      n += 1;
      const id = section === null ? `c${chapter}p${n}` : `c${chapter}s${section}p${n}`;
      paragraphs.push({ id, text });
    }
  }
  return paragraphs;
}
