/**
 * Hints that data labelled (or assumed to be) WGS-84 was really taken from a Chinese web map in
 * GCJ-02 (AMap/Gaode, Tencent, DataV) or BD-09 (Baidu).
 *
 * Honest limits: the offset (~470 m east, ~225 m north at Jinzhou) cannot be recognised from the
 * coordinates alone — a GCJ-02 polygon is a perfectly plausible WGS-84 polygon a few hundred metres
 * away. So this only reads what the data says about itself: the file name, titles/descriptions and
 * attribute names and values that mention those services or systems. Data without such words is
 * not flagged, and the UI should keep the CRS choice visible for every import.
 */

const GCJ02 =
  /(?<![a-z0-9])gcj[\s_-]*0?2(?![0-9])|高德|(?<![a-z])(?:amap|autonavi|datav)(?![a-z])|火星坐标|腾讯地图|tencent/i;
const BD09 = /(?<![a-z0-9])bd[\s_-]*0?9(?![0-9])|百度|baidu/i;

/** Only the first features are scanned: provenance is normally uniform across a file. */
export const FEATURES_SCANNED_FOR_PROVENANCE = 2000;
const LONGEST_VALUE_SCANNED = 500;

export interface Evidence {
  zh: string;
  en: string;
}

export interface ProvenanceHints {
  /** Where GCJ-02 was mentioned, e.g. en `property “来源” = “高德地图”`, or null. */
  gcj02: Evidence | null;
  bd09: Evidence | null;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

/**
 * Looks for GCJ-02 / BD-09 words in the file name, file-level text and feature attributes.
 *
 * @example provenanceHints('parcels.geojson', [], [{ properties: { source: '高德地图' } }]).gcj02?.en
 *   // → 'property “source” = “高德地图”'
 */
export function provenanceHints(
  fileName: string,
  metadataText: string[],
  features: unknown[]
): ProvenanceHints {
  const hints: ProvenanceHints = { gcj02: null, bd09: null };
  const consider = (text: string, evidence: () => Evidence) => {
    if (!hints.gcj02 && GCJ02.test(text)) hints.gcj02 = evidence();
    if (!hints.bd09 && BD09.test(text)) hints.bd09 = evidence();
  };
  consider(fileName, () => ({
    zh: `文件名“${shorten(fileName)}”`,
    en: `file name “${shorten(fileName)}”`
  }));
  for (const text of metadataText) {
    consider(text, () => ({
      zh: `文件说明“${shorten(text)}”`,
      en: `file description “${shorten(text)}”`
    }));
  }

  const count = Math.min(features.length, FEATURES_SCANNED_FOR_PROVENANCE);
  for (let i = 0; i < count && !(hints.gcj02 && hints.bd09); i++) {
    const properties = (features[i] as { properties?: unknown } | null)?.properties;
    if (!properties || typeof properties !== 'object') continue;
    for (const [key, value] of Object.entries(properties)) {
      const text = typeof value === 'string' && value.length <= LONGEST_VALUE_SCANNED ? value : '';
      consider(`${key} ${text}`, () =>
        text
          ? {
              zh: `属性“${shorten(key)}”=“${shorten(text)}”`,
              en: `property “${shorten(key)}” = “${shorten(text)}”`
            }
          : { zh: `属性名“${shorten(key)}”`, en: `property name “${shorten(key)}”` }
      );
    }
  }
  return hints;
}
