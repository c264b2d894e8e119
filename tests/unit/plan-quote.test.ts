import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quoteMentioning } from '$lib/plan/quote';
import { paragraphById } from '$lib/plan';

describe('quoteMentioning', () => {
  it('picks the sentence that names the place', () => {
    const text =
      '挖掘现有资源优势。紫荆产业园规划面积6.9平方公里，打造先行区；“松凌”飞地经济产业园规划面积835亩。';
    expect(quoteMentioning(text, ['紫荆产业园'])).toBe(
      '紫荆产业园规划面积6.9平方公里，打造先行区；'
    );
    expect(quoteMentioning(text, ['飞地经济产业园'])).toBe('“松凌”飞地经济产业园规划面积835亩。');
  });

  it('uses the earliest of several names (aliases)', () => {
    expect(
      quoteMentioning('甲乙丙。推进羊屯生态休闲岛建设。', ['羊屯旅游度假岛', '羊屯生态休闲岛'])
    ).toBe('推进羊屯生态休闲岛建设。');
  });

  it('falls back to the opening sentence when no name occurs', () => {
    expect(quoteMentioning('第一句。第二句。', ['无'])).toBe('第一句。');
  });

  it('cuts a long sentence around the mention and marks the cuts', () => {
    const long = `${'前'.repeat(200)}紫荆山${'后'.repeat(200)}。`;
    const quote = quoteMentioning(long, ['紫荆山'], 60);
    expect(quote).toContain('紫荆山');
    expect(quote.startsWith('…')).toBe(true);
    expect(quote.endsWith('…')).toBe(true);
    expect(quote.length).toBe(62);
  });

  it('quotes the first sentence of the real c5s1p4 that names 军民融合产业园', () => {
    const paragraph = paragraphById('c5s1p4');
    expect(paragraph).toBeDefined();
    expect(quoteMentioning(paragraph!.text, ['军民融合产业园'])).toMatch(
      /^“三园”.即紫荆产业园、“松凌”飞地经济产业园、军民融合产业园。$/
    );
  });

  it('always returns a substring of the text (apart from the cut marks) containing the name', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ minLength: 1, maxLength: 5 }),
        fc.string(),
        (a, name, b) => {
          const text = `${a}${name}${b}`;
          const quote = quoteMentioning(text, [name], 40);
          const bare = quote.replace(/^…/, '').replace(/…$/, '');
          expect(text).toContain(bare);
          expect(bare.length).toBeLessThanOrEqual(40);
        }
      )
    );
  });
});

describe('quoteMentioning, exactly (from the surviving mutants)', () => {
  it('keeps a sentence of exactly maxChars whole', () => {
    expect(quoteMentioning('甲乙紫荆山丙丁。', ['紫荆山'], 8)).toBe('甲乙紫荆山丙丁。');
  });

  it('cuts a third of the room before the mention, and marks only the cut ends', () => {
    const head = `${'A'.repeat(10)}紫荆山${'B'.repeat(100)}。`;
    // room 17 → 5 before the mention: from 5 to 25.
    expect(quoteMentioning(head, ['紫荆山'], 20)).toBe(`…${head.slice(5, 25)}…`);
    const early = `${'A'.repeat(2)}紫荆山${'B'.repeat(100)}。`;
    expect(quoteMentioning(early, ['紫荆山'], 20)).toBe(`${early.slice(0, 20)}…`);
    const tail = `${'A'.repeat(100)}紫荆山。`;
    expect(quoteMentioning(tail, ['紫荆山'], 20)).toBe(`…${tail.slice(84)}`);
  });

  it('clips around the earliest name in the sentence, whatever the order of names', () => {
    const sentence = `${'A'.repeat(40)}乙地${'B'.repeat(40)}甲地${'C'.repeat(40)}。`;
    expect(quoteMentioning(sentence, ['甲地', '乙地'], 20)).toContain('乙地');
    expect(quoteMentioning(sentence, ['甲地', '乙地'], 20)).not.toContain('甲地');
  });

  it('ignores empty names and keeps a last sentence without its mark', () => {
    expect(quoteMentioning('甲。紫荆。', ['', '紫荆'])).toBe('紫荆。');
    expect(quoteMentioning('甲。乙丙', ['乙'])).toBe('乙丙');
  });
});
