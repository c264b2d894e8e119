/**
 * A QR code as one SVG path (`qrcode` computes the modules): drawn by the page as an attribute,
 * never as markup, so a link's text can never become HTML.
 */
import QRCode from 'qrcode';

export interface QrPath {
  /** Modules per side, with the four-module quiet zone. */
  size: number;
  /** SVG path data: one 1 × 1 square per dark module. */
  d: string;
}

const QUIET_ZONE = 4;

/**
 * @example qrPath('https://example.org/#12/41.1/121.2').size // 37 (29 modules + quiet zone)
 */
export function qrPath(text: string): QrPath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column))
        parts.push(`M${column + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, d: parts.join('') };
}
