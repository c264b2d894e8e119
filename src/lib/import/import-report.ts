/**
 * What the import panel says about one import, computed without the DOM: the outcome in one
 * sentence, the problems split into rejected features and warnings, and — when the importer
 * cannot tell the coordinate system — the systems to choose from, the likely one first.
 */
import { describeCrs, gaussKrugerZoneOf, supportedCrsIds } from '../formats/crs-names';
import type { ProblemCount } from './problem-list';
import type { BilingualMessage, CrsId, ImportProblem, ImportResult } from './types';

/** Beyond this many problems the list starts folded, so the summary stays in view. */
export const PROBLEMS_SHOWN_UNFOLDED = 5;
/** Problems shown at first and added by each “show more”: the list never renders without bound. */
export const PROBLEM_PAGE = 50;

export interface CrsChoice {
  id: CrsId;
  zh: string;
  en: string;
  /** Why this one is near the top: guessed from the numbers, or named by the file. */
  hint: 'suggested' | 'declared' | null;
}

/** Why the user is asked, in plain words, shown above the CRS picker. */
export const CRS_EXPLANATION = {
  zh:
    '坐标系决定数字对应地面上的哪个位置。这个文件的坐标无法自动判断坐标系，选错会让图形偏移数百米甚至数百公里，' +
    '所以请您选择：通常是提供数据的单位使用的坐标系（国土、规划数据多为 CGCS2000 3° 分带）。' +
    '不确定时可以先用推荐项，导入后看图形是否落在正确的位置。',
  en:
    'The coordinate system says where on the ground the numbers are. This file’s system cannot be ' +
    'determined automatically, and a wrong choice moves the shapes by hundreds of metres or even ' +
    'hundreds of kilometres, so please choose: usually the system of whoever supplied the data ' +
    '(Chinese land and planning data mostly use a CGCS2000 3° zone). If unsure, try the suggested ' +
    'one and check that the shapes land in the right place.'
};

const GEOGRAPHIC_LABELS: Record<string, { zh: string; en: string }> = {
  wgs84: {
    zh: 'WGS-84 经纬度（GPS、国际通用地图）',
    en: 'WGS-84 degrees (GPS, international maps)'
  },
  cgcs2000: { zh: 'CGCS2000 经纬度（国家 2000 坐标系）', en: 'CGCS2000 degrees (China 2000)' },
  gcj02: { zh: 'GCJ-02 经纬度（高德、腾讯地图）', en: 'GCJ-02 degrees (AMap, Tencent maps)' },
  bd09: { zh: 'BD-09 经纬度（百度地图）', en: 'BD-09 degrees (Baidu maps)' }
};

/**
 * A coordinate system in words, e.g. `CGCS2000 3° 分带 第 40 带（东坐标带带号）· EPSG:4528`.
 * @example crsLabel('EPSG:4549').zh // 'CGCS2000 3° 分带 中央经线 120°E · EPSG:4549'
 */
export function crsLabel(crs: CrsId): { zh: string; en: string } {
  const geographic = GEOGRAPHIC_LABELS[crs];
  if (geographic) return geographic;
  const zone = gaussKrugerZoneOf(crs);
  if (!zone) return { zh: crs, en: crs };
  if (zone.zonePrefix !== null) {
    return {
      zh: `CGCS2000 3° 分带 第 ${zone.zonePrefix} 带（东坐标带带号）· ${crs}`,
      en: `${describeCrs(crs)}, eastings with the zone number`
    };
  }
  return {
    zh: `CGCS2000 3° 分带 中央经线 ${zone.centralMeridian}°E · ${crs}`,
    en: `${describeCrs(crs)}, eastings without the zone number`
  };
}

/**
 * Every system the importer converts from, the one suggested by the numbers first and the one
 * the file declares next; the rest in catalogue order.
 */
export function crsChoices(
  result: Pick<ImportResult, 'suggestedCrs' | 'detectedCrs'>
): CrsChoice[] {
  const first: CrsChoice[] = [];
  const seen = new Set<CrsId>();
  const add = (id: CrsId | null, hint: CrsChoice['hint']) => {
    if (!id || seen.has(id)) return;
    seen.add(id);
    first.push({ id, ...crsLabel(id), hint });
  };
  add(result.suggestedCrs, 'suggested');
  add(result.detectedCrs, 'declared');
  for (const id of supportedCrsIds()) add(id, null);
  return first;
}

export interface ImportReport {
  fileName: string;
  status: ImportResult['status'];
  /** The outcome in one sentence. */
  summary: { zh: string; en: string };
  fileError: BilingualMessage | null;
  crsQuestion: BilingualMessage | null;
  notices: BilingualMessage[];
  /** Features left out, each naming the feature and the reason. */
  rejected: ImportProblem[];
  /** Features kept with a remark. */
  warnings: ImportProblem[];
  /** Every problem code found, the most frequent first, with how many and one example. */
  counts: (ProblemCount & { example: ImportProblem | null })[];
  /** Features left out, and remarks, however many were listed. */
  rejectedCount: number;
  warningCount: number;
  /** Problems counted but not listed (a very long report keeps the first ones and examples). */
  unlisted: number;
  /** True when the problem list is long enough to start folded. */
  foldProblems: boolean;
  usableCount: number;
  featureCount: number;
  /** The system the coordinates were converted from, in words, when the import worked. */
  usedCrs: { zh: string; en: string } | null;
}

const FORMAT_NAMES: Record<string, string> = {
  geojson: 'GeoJSON',
  kml: 'KML',
  kmz: 'KMZ',
  'shapefile-zip': 'Shapefile (ZIP)'
};

function summaryOf(result: ImportResult): { zh: string; en: string } {
  const { usableCount, featureCount, rejectedCount } = result.stats;
  if (result.status === 'failed') {
    return { zh: '导入失败，没有可用的要素。', en: 'The import failed; no feature can be used.' };
  }
  if (result.status === 'needs-crs') {
    return {
      zh: '需要您选择坐标系后才能导入。',
      en: 'Choose the coordinate system to finish the import.'
    };
  }
  const format = result.format ? FORMAT_NAMES[result.format] : '';
  const left =
    rejectedCount > 0
      ? {
          zh: `，${rejectedCount} 个有错误未导入`,
          en: `; ${rejectedCount} with errors were left out`
        }
      : { zh: '', en: '' };
  return {
    zh: `已导入 ${format} 文件：可用要素 ${usableCount} 个（共 ${featureCount} 个${left.zh}）。`,
    en: `Imported the ${format} file: ${usableCount} usable feature${usableCount === 1 ? '' : 's'} (of ${featureCount}${left.en}).`
  };
}

/** The report for one import result. */
export function importReport(result: ImportResult, fileName: string): ImportReport {
  const rejected = result.problems.filter((problem) => problem.severity === 'error');
  const warnings = result.problems.filter((problem) => problem.severity === 'warning');
  return {
    fileName,
    status: result.status,
    summary: summaryOf(result),
    fileError: result.fileError ?? null,
    crsQuestion: result.crsQuestion ?? null,
    notices: result.notices,
    rejected,
    warnings,
    counts: countsOf(result),
    rejectedCount: result.status === 'ok' ? result.stats.rejectedCount : rejected.length,
    warningCount: result.stats.warningCount,
    unlisted: result.unlistedProblemCount ?? 0,
    foldProblems: result.problems.length > PROBLEMS_SHOWN_UNFOLDED,
    usableCount: result.status === 'ok' ? result.features.length : 0,
    featureCount: result.stats.featureCount,
    usedCrs: result.status === 'ok' && result.usedCrs ? crsLabel(result.usedCrs) : null
  };
}

/** The problems' counts by code, each with its first listed problem as an example. */
function countsOf(result: ImportResult): ImportReport['counts'] {
  const examples = new Map<string, ImportProblem>();
  for (const problem of result.problems) {
    if (!examples.has(problem.code)) examples.set(problem.code, problem);
  }
  let counts = result.problemCounts;
  if (!counts) {
    // A result from before problems were counted: count the listed ones.
    const byCode = new Map<string, ProblemCount>();
    for (const p of result.problems) {
      const count = byCode.get(p.code) ?? { code: p.code, severity: p.severity, count: 0 };
      count.count++;
      byCode.set(p.code, count);
    }
    counts = [...byCode.values()].sort((a, b) => b.count - a.count);
  }
  return counts.map((count) => ({ ...count, example: examples.get(count.code) ?? null }));
}

/** The problems in the order the report lists them: features left out first, then remarks. */
export function listedProblems(report: ImportReport): ImportProblem[] {
  return [...report.rejected, ...report.warnings];
}

function csvCell(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as CSV (UTF-8 with BOM, opens in Excel): every listed problem in both languages,
 * then one line per code with how many were found but not listed.
 *
 * @example new Blob([problemsCsv(report)], { type: 'text/csv' })
 */
export function problemsCsv(report: ImportReport): string {
  const lines = [['要素 feature', 'id', '代码 code', '严重性 severity', '中文', 'English']];
  for (const p of listedProblems(report)) {
    lines.push([
      String(p.featureIndex + 1),
      String(p.featureId ?? ''),
      p.code,
      p.severity,
      p.zh,
      p.en
    ]);
  }
  if (report.unlisted > 0) {
    const listed = new Map<string, number>();
    for (const p of listedProblems(report)) listed.set(p.code, (listed.get(p.code) ?? 0) + 1);
    for (const count of report.counts) {
      const more = count.count - (listed.get(count.code) ?? 0);
      if (more <= 0) continue;
      lines.push([
        '',
        '',
        count.code,
        count.severity,
        `另有 ${more} 个同类问题未列出`,
        `${more} more problem(s) of this kind not listed`
      ]);
    }
  }
  return '\uFEFF' + lines.map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
