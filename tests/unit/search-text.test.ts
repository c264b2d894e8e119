import { describe, expect, it } from 'vitest';
import { normalize, tokenizeDocument, tokenizeQuery } from '$lib/search/text';
import { foldOf } from '$lib/search/index-file';
import { foldPairs } from '$lib/search/fold';
import { pinyinUnits } from '$lib/search/pinyin';
import { placeDocument } from '$lib/search/documents';

describe('search tokenizer', () => {
  it('indexes Han runs as characters and bigrams, other runs as words', () => {
    expect(tokenizeDocument('紫荆产业园')).toEqual([
      '紫',
      '荆',
      '产',
      '业',
      '园',
      '紫荆',
      '荆产',
      '产业',
      '业园'
    ]);
    expect(tokenizeDocument('“5G+工业互联网”')).toEqual([
      '5g',
      '工',
      '业',
      '互',
      '联',
      '网',
      '工业',
      '业互',
      '互联',
      '联网'
    ]);
  });

  it('asks a query for its bigrams, or its one character', () => {
    expect(tokenizeQuery('紫荆产业园')).toEqual(['紫荆', '荆产', '产业', '业园']);
    expect(tokenizeQuery('园')).toEqual(['园']);
    expect(tokenizeQuery('zi jing')).toEqual(['zi', 'jing']);
  });

  it('keeps nothing of markup but its words', () => {
    expect(tokenizeQuery('<img src=x onerror=alert(1)>')).toEqual([
      'img',
      'src',
      'x',
      'onerror',
      'alert',
      '1'
    ]);
    expect(tokenizeQuery('<>"\'=();/ ')).toEqual([]);
  });

  it('folds full-width letters and case', () => {
    expect(normalize('ＺＩＪＩＮＧ Park')).toBe('zijing park');
  });
});

describe('繁→简 fold', () => {
  it('maps the traditional forms of characters in the corpus, and nothing else', () => {
    const pairs = foldPairs(['紫荆产业园', '凌河区']);
    const fold = foldOf(pairs);
    expect(normalize('紫荊產業園', fold)).toBe('紫荆产业园');
    expect(normalize('凌河區', fold)).toBe('凌河区');
    // 國 is not folded: 国 is not in this corpus.
    expect(fold.has('國')).toBe(false);
    expect(Array.from(pairs).length % 2).toBe(0);
  });
});

describe('pinyin of place names', () => {
  it('has one unit per character: syllables, letters, digits, or nothing', () => {
    expect(pinyinUnits('紫荆产业园')).toEqual(['zi', 'jing', 'chan', 'ye', 'yuan']);
    expect(pinyinUnits('绿城SK')).toEqual(['lv', 'cheng', 's', 'k']);
    expect(pinyinUnits('5G园')).toEqual(['5', 'g', 'yuan']);
    expect(pinyinUnits('“双凌”')).toEqual(['', 'shuang', 'ling', '']);
  });

  it('stores full pinyin and initials from every syllable on, for prefix search', () => {
    const doc = placeDocument(
      {
        id: 'p',
        origin: 'feature',
        name: '紫荆产业园',
        nameEn: '',
        aliases: [],
        located: true,
        mentions: 1,
        point: null
      },
      pinyinUnits
    );
    expect(doc.pinyin.split(' ')).toEqual([
      'zijingchanyeyuan',
      'jingchanyeyuan',
      'chanyeyuan',
      'yeyuan',
      'yuan'
    ]);
    expect(doc.initials.split(' ')).toEqual(['zjcyy', 'jcyy', 'cyy', 'yy', 'y']);
  });
});
