/** Reading the audit tolerance from the URL (`?tol=`) or the number field, with bilingual errors. */

export const DEFAULT_TOLERANCE_PCT = 1;
export const MAX_TOLERANCE_PCT = 100;

export type ToleranceResult =
  { ok: true; value: number } | { ok: false; message: { zh: string; en: string } };

/**
 * Parses a tolerance in percent, 0–100. `where` names the input in the message.
 * @example parseTolerance('2.5', '网址参数 tol', 'URL parameter tol') → { ok: true, value: 2.5 }
 */
export function parseTolerance(text: string, whereZh: string, whereEn: string): ToleranceResult {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value) || value < 0 || value > MAX_TOLERANCE_PCT) {
    return {
      ok: false,
      message: {
        zh: `${whereZh}的值“${text}”无效：容差须为 0 到 ${MAX_TOLERANCE_PCT} 之间的百分数，仍使用当前容差。`,
        en: `${whereEn} "${text}" is not valid: the tolerance must be a percentage from 0 to ${MAX_TOLERANCE_PCT}; keeping the current tolerance.`
      }
    };
  }
  return { ok: true, value };
}
