/** Paragraph links and copying them (issue #2). */
import { describe, expect, it } from 'vitest';
import { idFromHash, paragraphUrl } from '$lib/plan/permalink';
import { copyText } from '$lib/plan/copy-link';

describe('paragraphUrl', () => {
  it('replaces the hash and keeps the rest of the page URL', () => {
    expect(paragraphUrl('https://example.org/plan', 'c5s1p4')).toBe(
      'https://example.org/plan#c5s1p4'
    );
    expect(paragraphUrl('https://example.org/plan?x=1#c1', 'c0p1')).toBe(
      'https://example.org/plan?x=1#c0p1'
    );
    expect(paragraphUrl(new URL('http://localhost:4173/base/plan#'), 'c9')).toBe(
      'http://localhost:4173/base/plan#c9'
    );
  });
});

describe('idFromHash', () => {
  it('reads the id a hash points at', () => {
    expect(idFromHash('#c5s1p4')).toBe('c5s1p4');
    expect(idFromHash('c5s1p4')).toBe('c5s1p4');
    expect(idFromHash('')).toBe('');
    expect(idFromHash('#')).toBe('');
    expect(idFromHash('#%E4%B8%89')).toBe('三');
    expect(idFromHash('#%E4%B8')).toBe('%E4%B8');
  });
});

describe('copyText', () => {
  it('uses the Clipboard API when it works', async () => {
    const written: string[] = [];
    const outcome = await copyText('u', {
      clipboard: { writeText: async (t) => void written.push(t) },
      legacyCopy: () => {
        throw new Error('must not be called');
      }
    });
    expect(outcome).toBe('copied');
    expect(written).toEqual(['u']);
  });

  it('falls back to the legacy copy when the Clipboard API is missing or refuses', async () => {
    const legacy: string[] = [];
    const legacyCopy = (t: string) => (legacy.push(t), true);
    expect(await copyText('a', { legacyCopy })).toBe('copied');
    const refused = { writeText: () => Promise.reject(new Error('NotAllowedError')) };
    expect(await copyText('b', { clipboard: refused, legacyCopy })).toBe('copied');
    expect(legacy).toEqual(['a', 'b']);
  });

  it('asks for a manual copy when nothing works', async () => {
    expect(await copyText('c', {})).toBe('manual');
    expect(await copyText('c', { legacyCopy: () => false })).toBe('manual');
    const throwing = () => {
      throw new Error('SecurityError');
    };
    expect(await copyText('c', { legacyCopy: throwing })).toBe('manual');
  });
});
