import { describe, expect, it } from 'vitest';
import { withAlpha } from '$lib/style/shared-paint';

describe('withAlpha', () => {
  it('gives a hex colour an alpha, in long and short form', () => {
    expect(withAlpha('#5fa35a', 0.35)).toBe('rgba(95, 163, 90, 0.35)');
    expect(withAlpha('#fA0', 1)).toBe('rgba(255, 170, 0, 1)');
    expect(withAlpha('#000000', 0)).toBe('rgba(0, 0, 0, 0)');
  });

  it('says which colour or alpha it cannot use', () => {
    expect(() => withAlpha('red', 0.5)).toThrow(/got red, 0.5/);
    expect(() => withAlpha('#12345', 0.5)).toThrow(/#rgb or #rrggbb/);
    expect(() => withAlpha('#123456', 1.5)).toThrow(/alpha in 0…1/);
    expect(() => withAlpha('#123456', Number.NaN)).toThrow(/NaN/);
  });
});
