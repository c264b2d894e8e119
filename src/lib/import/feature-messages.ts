/**
 * The per-feature reasons of the importer's message catalogue (messages.ts), and which of them
 * make a feature unusable. `featureProblem` (messages.ts) adds which feature.
 */
import { shorten, type Template } from './message-format';

/** Per-feature problems: the reason only; `featureProblem` adds which feature. */
export const FEATURE_REASONS: Record<string, Template> = {
  'not-a-feature': (p) => ({
    zh: `不是 Feature（type 为 ${p.type}）`,
    en: `not a Feature (type is ${p.type})`
  }),
  'empty-geometry': () => ({
    zh: '没有几何（geometry 为空）',
    en: 'has no geometry (empty or null)'
  }),
  'unknown-geometry-type': (p) => ({
    zh: `未知的几何类型 ${p.type}`,
    en: `unknown geometry type ${p.type}`
  }),
  'coordinates-missing': () => ({
    zh: '缺少 coordinates',
    en: 'has no coordinates member'
  }),
  'bad-coordinate-nesting': (p) => ({
    zh: `坐标数组的层级不对（此处应为${p.expectedZh}，实际是 ${p.actual}）`,
    en: `coordinate arrays are nested wrongly (expected ${p.expectedEn} here, got ${p.actual})`
  }),
  'too-deeply-nested': (p) => ({
    zh: `GeometryCollection 嵌套超过 ${p.max} 层`,
    en: `GeometryCollections are nested more than ${p.max} deep`
  }),
  'position-too-short': (p) => ({
    zh: `坐标点只有 ${p.count} 个数值，至少需要经度和纬度两个`,
    en: `a position has ${p.count} number(s); it needs at least longitude and latitude`
  }),
  'non-numeric-coordinate': (p) => ({
    zh: `坐标值 ${p.value} 不是数字`,
    en: `coordinate value ${p.value} is not a number`
  }),
  'non-finite-coordinate': (p) => ({
    zh: `坐标值 ${p.value} 超出数值范围（过大或无穷）`,
    en: `coordinate value ${p.value} is out of numeric range (too large or infinite)`
  }),
  'ring-not-closed': (p) => ({
    zh: `第 ${p.ring} 个环未闭合（首尾坐标不同）`,
    en: `ring ${p.ring} is not closed (first and last positions differ)`
  }),
  'ring-too-short': (p) => ({
    zh: `第 ${p.ring} 个环只有 ${p.count} 个坐标点，闭合环至少需要 4 个`,
    en: `ring ${p.ring} has only ${p.count} positions; a closed ring needs at least 4`
  }),
  'line-too-short': (p) => ({
    zh: `线只有 ${p.count} 个坐标点，至少需要 2 个`,
    en: `the line has only ${p.count} position(s); it needs at least 2`
  }),
  'self-intersection': (p) => ({
    zh: `边界自相交（在 ${p.at} 附近）`,
    en: `the boundary intersects itself (near ${p.at})`
  }),
  'hole-outside-shell': (p) => ({
    zh: `第 ${p.ring} 个环是内环（洞），却不在外环之内（面积会算成负数或偏小）`,
    en: `ring ${p.ring} is a hole but does not lie inside the outer ring (its area would come out negative or too small)`
  }),
  'self-intersection-not-checked': (p) => ({
    zh: `边界过于复杂（${p.segments} 条边），未能完成自相交检查`,
    en: `the boundary is too complex (${p.segments} edges) to finish the self-intersection check`
  }),
  'coordinate-out-of-range': (p) => ({
    zh: `坐标 ${p.at} 超出经纬度范围（经度 ±180°，纬度 ±90°）`,
    en: `position ${p.at} is outside longitude ±180° / latitude ±90°`
  }),
  'crs-inconsistent': () => ({
    zh: '坐标值像经纬度，而文件中其余要素是以米为单位的投影坐标',
    en: 'its coordinates look like degrees while the rest of the file is in projected metres'
  }),
  'conversion-failed': (p) => ({
    zh: `坐标转换失败：${p.detail}`,
    en: `coordinate conversion failed: ${p.detail}`
  }),
  'geojson-spec': (p) => ({
    zh: `不完全符合 GeoJSON 规范：${p.detail}`,
    en: `does not fully follow the GeoJSON specification: ${p.detail}`
  }),
  'properties-not-object': (p) => ({
    zh: `properties 不是对象（实际为 ${p.actual}），属性已忽略`,
    en: `properties is not an object (got ${p.actual}); the attributes were ignored`
  }),
  'repeated-member': (p) => ({
    zh: `成员“${shorten(p.member)}”出现了不止一次，只用了最后一个`,
    en: `the member “${shorten(p.member)}” appears more than once; only the last one was used`
  }),
  'value-too-deep': (p) => ({
    zh: `“${p.field}”嵌套超过 ${p.max} 层，已略去，要素其余部分已导入`,
    en: `“${p.field}” is nested more than ${p.max} deep and was left out; the rest of the feature was imported`
  }),
  'html-in-text': (p) => ({
    zh: `属性“${p.field}”含有 HTML 标记，将按纯文本显示`,
    en: `attribute “${p.field}” contains HTML markup; it will be shown as plain text`
  }),
  'duplicate-id': (p) => ({
    zh: `id ${p.id} 与第 ${p.first} 个要素重复`,
    en: `id ${p.id} repeats that of feature #${p.first}`
  }),
  'dbf-record-deleted': () => ({
    zh: '属性表中该记录已标记为删除，未导入',
    en: 'its attribute record is marked as deleted, so it was not imported'
  }),
  'dbf-record-missing': () => ({
    zh: '.dbf 中没有对应的属性记录，要素没有属性',
    en: 'has no matching record in the .dbf, so it has no attributes'
  }),
  'shp-record-corrupt': (p) => ({
    zh: `“${p.file}”的第 ${p.record} 条记录已损坏，未导入：${p.detail}`,
    en: `record ${p.record} of “${p.file}” is damaged and was not imported: ${p.detailEn}`
  }),
  'shp-ring-dropped': (p) => ({
    zh: `“${p.file}”的第 ${p.record} 条记录有 ${p.count} 个内环不在任何外环之内，已舍弃`,
    en: `record ${p.record} of “${p.file}” has ${p.count} hole(s) outside every outer ring; they were left out`
  }),
  'shp-record-missing': () => ({
    zh: '.dbf 中有属性记录，但 .shp 中没有对应的几何（文件可能被截断）',
    en: 'has an attribute record in the .dbf but no geometry in the .shp (the file may be cut off)'
  })
};

/** Problems that make a feature unusable; every other feature code is a warning. */
const ERROR_CODES = new Set([
  'not-a-feature',
  'empty-geometry',
  'unknown-geometry-type',
  'coordinates-missing',
  'bad-coordinate-nesting',
  'too-deeply-nested',
  'position-too-short',
  'non-numeric-coordinate',
  'non-finite-coordinate',
  'ring-not-closed',
  'ring-too-short',
  'line-too-short',
  'self-intersection',
  'hole-outside-shell',
  'coordinate-out-of-range',
  'crs-inconsistent',
  'conversion-failed',
  'dbf-record-deleted',
  'shp-record-missing',
  'shp-record-corrupt'
]);

/** True if a feature problem with this code makes the feature unusable. */
export function isErrorCode(code: string): boolean {
  return ERROR_CODES.has(code);
}
