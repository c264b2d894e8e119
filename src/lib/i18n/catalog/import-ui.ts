/**
 * The import panel on the map page: picking or dropping a file, progress, the coordinate-system
 * question, the user's layers and the backup. The importer's own messages and problems are
 * bilingual objects from src/lib/import/messages.ts; the UI shows one half of them.
 */
import { addMessages } from '../message-store';
export const importUi = addMessages({
  'import.heading': { zh: '导入边界', en: 'Import boundaries' },
  'import.help': {
    zh: 'GeoJSON、KML/KMZ 或压缩的 Shapefile（.zip），也可以把文件拖到地图上。数据只保存在本浏览器中。',
    en: 'GeoJSON, KML/KMZ or a zipped Shapefile (.zip) — or drop the file on the map. Data stays in this browser.'
  },
  'import.choose': { zh: '选择文件…', en: 'Choose a file…' },
  'import.cancel': { zh: '取消', en: 'Cancel' },
  'import.reading': { zh: '读取中…', en: 'Reading…' },
  'import.closeReport': { zh: '关闭报告', en: 'Close report' },
  'crs.label': { zh: '坐标系', en: 'Coordinate system' },
  'crs.suggested': { zh: '推荐', en: 'suggested' },
  'crs.declared': { zh: '文件声明', en: 'declared' },
  'crs.import': { zh: '用此坐标系导入', en: 'Import' },
  'crs.cancel': { zh: '取消', en: 'Cancel' },
  'boundary.useAs': { zh: '用作…的边界', en: 'Use as the boundary of…' },
  'boundary.choose': { zh: '— 选择规划要素 —', en: '— Choose a plan feature —' },
  'boundary.withArea': { zh: '规划写明面积', en: 'Area stated in the plan' },
  'boundary.others': { zh: '其他规划要素', en: 'Other plan features' },
  'userLayers.heading': { zh: '我的图层', en: 'My layers' },
  'layers.loading': { zh: '正在读取…', en: 'Loading…' },
  'layers.empty': { zh: '还没有导入的图层。', en: 'No imported layers yet.' },
  'layers.count': (p: { count: number }) => ({
    zh: `${p.count} 个要素`,
    en: `${p.count} feature${p.count === 1 ? '' : 's'}`
  }),
  'layers.unsaved': { zh: '未保存', en: 'not saved' },
  'layers.unsavedTitle': { zh: '刷新页面后会消失', en: 'gone after a reload' },
  'layers.undrawable': {
    zh: '无法在地图上绘制此图层。',
    en: 'This layer cannot be drawn on the map.'
  },
  'layers.zoomNote': (p: { detail: number; names: number | null; overview: boolean }) => {
    const zh = p.overview
      ? `要素较多：缩小时显示为填充图，放大到 ${p.detail} 级显示轮廓`
      : `要素较多：放大到 ${p.detail} 级显示轮廓`;
    const en = p.overview
      ? `Many features: zoomed out, a picture of their fills; outlines show from zoom ${p.detail}`
      : `Many features: outlines show from zoom ${p.detail}`;
    return p.names === null
      ? { zh: `${zh}。`, en: `${en}.` }
      : { zh: `${zh}，${p.names} 级显示名称。`, en: `${en}; names from zoom ${p.names}.` };
  },
  'layers.confirmDelete': { zh: '确认删除', en: 'Confirm delete' },
  'layers.deleteQuestion': (p: { name: string }) => ({
    zh: `删除“${p.name}”？此操作不能撤销；已指定的边界仍保留。`,
    en: `Delete “${p.name}”? This cannot be undone; boundaries assigned from it stay.`
  }),
  'layers.delete': { zh: '删除', en: 'Delete' },
  'layers.cancel': { zh: '取消', en: 'Cancel' },
  'layers.zoomTo': { zh: '缩放至', en: 'Zoom to' },
  'layers.assigned': { zh: '已指定的边界', en: 'Assigned boundaries' },
  'layers.assignment': (p: { name: string; source: string }) => ({
    zh: `${p.name}：${p.source}`,
    en: `${p.name}: ${p.source}`
  }),
  'layers.removeAssignment': { zh: '取消', en: 'Remove' },
  'layers.backup': { zh: '备份', en: 'Backup' },
  'layers.exportAll': { zh: '导出全部 GeoJSON', en: 'Export all' },
  'layers.restore': { zh: '从备份恢复', en: 'Restore' },
  'layers.backupHelp': {
    zh: '导出的文件包含图层、边界指定和绘图，可在其他浏览器恢复。',
    en: 'The export holds layers, boundary assignments and drawings; restore it anywhere.'
  },
  'layers.exportFailed': (p: { error: string }) => ({
    zh: `导出失败：${p.error}`,
    en: `The export failed: ${p.error}`
  }),
  'imported.feature': (p: { n: number }) => ({ zh: `第 ${p.n} 个要素`, en: `feature #${p.n}` }),
  'imported.badge': { zh: '导入', en: 'Imported' },
  'imported.area': { zh: '椭球面积', en: 'Area' },
  'imported.length': { zh: '大地线长度', en: 'Length' },
  'imported.moreProperties': (p: { count: number }) => ({
    zh: `另有 ${p.count} 个属性未显示`,
    en: `${p.count} more properties not shown`
  }),
  'imported.noProperties': { zh: '没有属性', en: 'No properties' },
  'imported.boundaryOf': (p: { name: string; nameEn: string }) => ({
    zh: `已用作“${p.name}”的边界`,
    en: `Boundary of “${p.name}” ${p.nameEn}`
  }),
  'imported.remove': { zh: '取消', en: 'Remove' },
  'imported.seeAudit': { zh: '到核对页查看', en: 'See the audit' },
  'imported.assign': { zh: '设为边界', en: 'Assign' },
  'imported.assigned': (p: { name: string; replaces: boolean }) => ({
    zh: `已设为“${p.name}”的边界${p.replaces ? '（替换了原有边界）' : ''}。`,
    en: `Now the boundary of “${p.name}”${p.replaces ? ' (replacing the previous one)' : ''}.`
  }),
  'imported.unassigned': (p: { name: string }) => ({
    zh: `已取消“${p.name}”的边界。`,
    en: `“${p.name}” no longer has this boundary.`
  }),
  'imported.saveFailed': { zh: '保存失败。', en: 'Saving failed.' },
  'layers.noStorage': {
    zh: '浏览器存储不可用，没有可导出的已保存数据。',
    en: 'Browser storage is unavailable, so there is no saved data to export.'
  }
});
