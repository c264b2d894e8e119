/**
 * The scale of a printed map: metres on the ground per millimetre of paper at the sheet's centre,
 * the 1 : N figure, and a scale bar of a round length. Web Mercator (what MapLibre draws), with
 * 512-pixel tiles; the scale holds at the centre of the map and drifts with latitude away from
 * it (≈ 0.5 % across 凌河区), which the sheet says.
 */
import { CSS_PX_PER_INCH } from './paper';

/** WGS-84 equatorial radius, m: Web Mercator's sphere. */
const EARTH_RADIUS_M = 6378137;
const TILE_SIZE_PX = 512;
const MM_PER_INCH = 25.4;

/**
 * Ground metres per CSS pixel at a latitude and MapLibre zoom.
 * @example metresPerCssPixel(0, 0) // 78271.5… (the equator at zoom 0)
 */
export function metresPerCssPixel(latitude: number, zoom: number): number {
  const circumference = 2 * Math.PI * EARTH_RADIUS_M;
  return (circumference * Math.cos((latitude * Math.PI) / 180)) / (TILE_SIZE_PX * 2 ** zoom);
}

/**
 * Ground metres per mm of paper when the map is drawn at 96 CSS pixels to the inch.
 * @example metresPerPaperMm(41.12, 13.5) // ≈ 19.2 (1 : 19 000)
 */
export function metresPerPaperMm(latitude: number, zoom: number): number {
  return (metresPerCssPixel(latitude, zoom) * CSS_PX_PER_INCH) / MM_PER_INCH;
}

/**
 * The scale's N in 1 : N, rounded to two significant figures (more would claim a precision the
 * schematic shapes do not have).
 * @example scaleDenominator(3.7) // 3700
 */
export function scaleDenominator(metresPerMm: number): number {
  const exact = metresPerMm * 1000;
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(exact)) - 1);
  return Math.round(exact / magnitude) * magnitude;
}

export interface ScaleBar {
  /** The bar's length on the ground, m: 1, 2 or 5 × a power of ten. */
  metres: number;
  /** Its length on paper, mm. */
  mm: number;
  /** "500 m", "2 km". */
  label: string;
}

/**
 * The longest round scale bar (1, 2, 5 × 10ⁿ m) that fits in `maxMm` of paper.
 * @example scaleBar(3.7, 40) // { metres: 100, mm: 27.0…, label: '100 m' }
 */
export function scaleBar(metresPerMm: number, maxMm: number): ScaleBar {
  const longest = metresPerMm * maxMm;
  let metres = 10 ** Math.floor(Math.log10(longest));
  for (const step of [5, 2]) {
    if (metres * step <= longest) {
      metres *= step;
      break;
    }
  }
  return { metres, mm: metres / metresPerMm, label: distanceLabel(metres) };
}

/**
 * @example distanceLabel(2000) // '2 km'
 */
export function distanceLabel(metres: number): string {
  return metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
}

/**
 * "1 : 25 000" with a thin space between thousands, as maps print it.
 * @example formatScale(25000) // '1 : 25 000'
 */
export function formatScale(denominator: number): string {
  return `1 : ${String(denominator).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}`;
}
