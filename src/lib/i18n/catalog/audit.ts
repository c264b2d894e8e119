/** The land-figure audit page (/audit): explanation, tolerance, table, chart and exports. */
import { addMessages } from '../message-store';
export const audit = addMessages({
  'audit.pageTitle': { zh: '土地指标核对', en: 'Land-figure audit' },
  'audit.description': {
    zh: '规划纲要中的面积与长度数字与地图图形的测量值对照',
    en: "The plan's stated areas and lengths next to what the map's shapes measure"
  },
  'audit.explain': {
    zh: '这一页列出规划纲要写明的每一个面积和长度数字，并与地图上对应图形的测量值对照。面积按 CGCS2000 椭球面计算（与国土调查的“图斑椭球面积”同一方法），旁边给出 Turf 球面算法的结果作对比。',
    en: 'This page lists every area and length the plan states and sets it beside what the matching shape on the map measures. Areas are computed on the CGCS2000 ellipsoid, the way Chinese land surveys do; Turf’s spherical figure is shown beside it for comparison.'
  },
  'audit.byConstruction.title': {
    zh: '“按规划绘制”是什么意思？',
    en: 'What “by construction” means:'
  },
  'audit.byConstruction.body': {
    zh: '多数园区没有公开的边界，地图上的示意图形是按规划写的面积画出来的，所以它们与规划数字必然吻合——这种吻合什么也证明不了。只有导入的或测绘得到的边界才能核实一个数字。',
    en: 'Most parks have no published boundary, so their schematic shapes are drawn at the size the plan states. They match the plan by construction and verify nothing. Only an imported or surveyed boundary can verify a figure.'
  },
  'audit.tolerance': { zh: '容差', en: 'Tolerance' },
  'audit.toleranceHelp': {
    zh: '测量值与规划数值相差不超过此百分比即视为吻合',
    en: 'A measure within this percentage of the stated figure agrees with it'
  },
  'audit.tolerance.url': { zh: '网址参数 tol', en: 'URL parameter tol' },
  'audit.tolerance.field': { zh: '容差输入框', en: 'tolerance field' },
  'audit.summary': { zh: '按状态统计', en: 'Rows by status' },
  'audit.userBoundaries': (p: { count: number }) => ({
    zh: `${p.count} 个规划要素使用了您在地图页导入或绘制的边界，它们按“导入”精度核对。`,
    en: `${p.count} plan feature(s) use a boundary you imported or drew on the map page; they are audited as imported.`
  }),
  'audit.unstated': {
    zh: '以下要素标注的数字在规划原文中找不到，无法核对：',
    en: 'These features claim figures the plan text does not state, so they cannot be audited:'
  },
  'audit.chartHeading': { zh: '规划数值与测量值', en: 'Stated vs measured' },
  'audit.exportHeading': { zh: '导出', en: 'Export' },
  'audit.table.caption': {
    zh: '规划数字与图上测量',
    en: 'Stated figures and what the map measures'
  },
  'audit.col.plan': { zh: '规划原文', en: 'Plan' },
  'audit.col.stated': { zh: '规划数值', en: 'Stated' },
  'audit.col.ellipsoid': { zh: '椭球面测量', en: 'Measured (ellipsoid)' },
  'audit.col.turf': { zh: 'Turf 测量', en: 'Turf (sphere)' },
  'audit.col.delta': { zh: '差值', en: 'Δ' },
  'audit.col.deltaPct': { zh: '差值%', en: 'Δ%' },
  'audit.col.status': { zh: '状态', en: 'Status' },
  'audit.col.accuracy': { zh: '精度', en: 'Accuracy' },
  'audit.col.feature': { zh: '要素', en: 'Feature' },
  'audit.turfVsEllipsoid': (p: { pct: string }) => ({
    zh: `${p.pct} 相对椭球`,
    en: `${p.pct} vs ellipsoid`
  }),
  'audit.turfVsEllipsoid.title': {
    zh: 'Turf 按球面计算，相对椭球面的偏差',
    en: "Turf's spherical figure relative to the ellipsoid"
  },
  'audit.viewOnMap': { zh: '在地图上查看', en: 'View on the map' },
  'audit.boundarySource': (p: { source: string }) => ({
    zh: `来源：${p.source}`,
    en: `Source: ${p.source}`
  }),
  'audit.chart.empty': {
    zh: '暂无可测量的指标：没有要素给出带几何的规划数字。',
    en: 'Nothing to chart: no feature with geometry states a plan figure.'
  },
  'audit.chart.title': (p: { quantity: 'area' | 'length'; unit: string }) => ({
    zh: `${p.quantity === 'area' ? '面积' : '长度'}：规划数值与椭球面测量（${p.unit}，线性刻度）`,
    en: `${p.quantity === 'area' ? 'Areas' : 'Lengths'}: stated and measured on the ellipsoid (${p.unit}, linear scale)`
  }),
  'audit.chart.stated': { zh: '规划', en: 'Stated' },
  'audit.chart.measured': { zh: '椭球面测量', en: 'Measured' },
  'audit.chart.caption': (p: { quantity: 'area' | 'length'; unit: string }) => ({
    zh: `${p.quantity === 'area' ? '面积' : '长度'}（${p.unit}，线性刻度）：上条为规划数值，下条为椭球面测量，按状态着色（绿＝已核实，黄＝按规划绘制，红＝不符）。`,
    en: `${p.quantity === 'area' ? 'Areas' : 'Lengths'} in ${p.unit}, linear scale: upper bar stated, lower bar measured on the ellipsoid, coloured by status (green verified, amber by construction, red mismatch).`
  }),
  'audit.export.label': { zh: '导出', en: 'Export' },
  'audit.export.csv': { zh: '导出 CSV', en: 'Export CSV' },
  'audit.export.json': { zh: '导出 JSON', en: 'Export JSON' }
});
