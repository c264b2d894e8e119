/**
 * Every string the UI shows comes from the message catalogue (src/lib/i18n/): a component that
 * prints Chinese itself, or a bilingual `中文 / English` label, shows both languages at once.
 * Comments may say anything; the allow-list names the files still being converted.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/** Files that still print text of their own; shrink this list to empty, never grow it. */
const NOT_YET_CONVERTED = new Set<string>([]);

const HAN = /\p{Script=Han}/u;
/** A quoted label with two languages side by side, e.g. `'Close / Close'`. */
const SLASH_LABEL = /["'`][^"'`\n]*\p{L} \/ \p{L}[^"'`\n]*["'`]/u;
/** Both halves of a bilingual label printed by hand (`{label.zh}`, `{label.en}`): use locale.pick. */
const PRINTED_HALF = /\{[^{}]*\.(zh|en)\s*\}/;

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return svelteFiles(full);
    return entry.name.endsWith('.svelte') ? [full] : [];
  });
}

const keepLineBreaks = (comment: string) => comment.replace(/[^\n]/g, '');

/** The source without HTML, block and line comments (a `//` inside a URL is kept). */
function withoutComments(source: string): string {
  return source
    .replace(/<!--[\s\S]*?-->|\/\*[\s\S]*?\*\//g, keepLineBreaks)
    .replace(/(^|[\s;{}(),])\/\/.*$/gm, '$1');
}

/** Lines (1-based) that print Han characters, a bilingual slash label or a hand-picked half outside comments. */
function hardCodedLines(source: string): { line: number; text: string }[] {
  return withoutComments(source)
    .split('\n')
    .flatMap((text, i) =>
      HAN.test(text) || SLASH_LABEL.test(text) || PRINTED_HALF.test(text)
        ? [{ line: i + 1, text: text.trim() }]
        : []
    );
}

describe('the scanner', () => {
  it('finds Chinese and slash labels in markup and code, not in comments', () => {
    expect(hardCodedLines('<p>关闭</p>')).toHaveLength(1);
    expect(hardCodedLines("const label = 'Close / Shut';")).toHaveLength(1);
    expect(hardCodedLines('<button aria-label="x">{t(\'a\')}</button>')).toEqual([]);
    expect(hardCodedLines('<!-- 注释 -->\n// 注释\n/* 注释\n 注释 */\nlet a = 1; // 注释')).toEqual(
      []
    );
    expect(hardCodedLines('<a href="https://example.com/x">{t(\'a\')}</a>')).toEqual([]);
    expect(hardCodedLines('<a href="https://x.cn">中</a>')).toHaveLength(1);
    expect(
      hardCodedLines('<span>{label.zh} <span class="en">{label.en}</span></span>')
    ).toHaveLength(1);
    expect(hardCodedLines('<span>{locale.pick(label)}</span>')).toEqual([]);
  });
});

describe('Svelte components under src/', () => {
  const files = svelteFiles(SRC).map((file) => path.relative(SRC, file).split(path.sep).join('/'));

  it('lists only files that exist in the allow-list', () => {
    expect([...NOT_YET_CONVERTED].filter((file) => !files.includes(file))).toEqual([]);
  });

  it.each(files.filter((file) => !NOT_YET_CONVERTED.has(file)))(
    '%s prints no text of its own',
    (file) => {
      const found = hardCodedLines(readFileSync(path.join(SRC, file), 'utf8'));
      expect(found, `${file}: use t('…') or locale.pick(…)`).toEqual([]);
    }
  );
});
