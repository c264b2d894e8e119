import { addMessages } from '../message-store';
import type { Bilingual } from '../types';

const NOTHING: Bilingual = { zh: '', en: '' };

/** Drawing and measuring on the map page (DrawPanel): tools, hints, live measure, saved drawings. */
export const draw = addMessages({
  'draw.heading': { zh: '绘制与测量', en: 'Draw and measure' },
  'draw.tools': { zh: '绘图工具', en: 'Drawing tools' },
  'draw.tool.polygon': { zh: '多边形', en: 'Polygon' },
  'draw.tool.linestring': { zh: '线', en: 'Line' },
  'draw.tool.select': { zh: '选择编辑', en: 'Select' },
  'draw.done': { zh: '完成', en: 'Done' },
  'draw.hint.polygon': {
    zh: '在地图上单击添加顶点；单击第一个顶点或按 Enter 完成，Esc 取消。',
    en: 'Click the map to add vertices; click the first vertex or press Enter to finish, Esc to cancel.'
  },
  'draw.hint.linestring': {
    zh: '在地图上单击添加点；再次单击最后一个点或按 Enter 完成，Esc 取消。',
    en: 'Click the map to add points; click the last point again or press Enter to finish, Esc to cancel.'
  },
  'draw.hint.select': {
    zh: '单击图形选中；拖动顶点修改，拖动图形移动，右键单击顶点删除该顶点。',
    en: 'Click a shape to select it; drag a vertex to reshape, drag the shape to move it, right-click a vertex to remove it.'
  },
  'draw.area': { zh: '面积', en: 'Area' },
  'draw.length': { zh: '长度', en: 'Length' },
  'draw.myDrawings': { zh: '我的图形', en: 'My drawings' },
  'draw.newName': { zh: '新名称', en: 'New name' },
  'draw.save': { zh: '保存', en: 'Save' },
  'draw.cancel': { zh: '取消', en: 'Cancel' },
  'draw.notEditable': { zh: '不能在地图上编辑', en: 'not editable on the map' },
  'draw.boundaryOf': (p: { name: string }) => ({
    zh: `${p.name}的边界`,
    en: `boundary of ${p.name}`
  }),
  'draw.unassign': { zh: '取消', en: 'Unassign' },
  'draw.confirmDelete': { zh: '确认删除', en: 'Confirm delete' },
  'draw.deleteQuestion': (p: { name: string }) => ({
    zh: `删除“${p.name}”？此操作不能撤销。`,
    en: `Delete “${p.name}”? This cannot be undone.`
  }),
  'draw.boundariesStay': { zh: '已设定的边界仍保留。', en: 'The boundaries set from it stay.' },
  'draw.delete': { zh: '删除', en: 'Delete' },
  'draw.edit': { zh: '编辑', en: 'Edit' },
  'draw.rename': { zh: '重命名', en: 'Rename' },
  'draw.assign': { zh: '设为边界', en: 'Assign' },
  'draw.loadFailed': (p: { error: string }) => ({
    zh: `绘图工具加载失败：${p.error}`,
    en: `The drawing tools failed to load: ${p.error}`
  }),
  'draw.saved': (p: { name: string; edited: boolean }) =>
    p.edited
      ? { zh: `已保存对“${p.name}”的修改。`, en: `Saved the changes to “${p.name}”.` }
      : { zh: `已保存“${p.name}”。`, en: `Saved “${p.name}”.` },
  'draw.deleted': (p: { name: string }) => ({
    zh: `已删除“${p.name}”。`,
    en: `Deleted “${p.name}”.`
  }),
  'draw.chooseFirst': { zh: '请先选择一个规划要素。', en: 'Choose a plan feature first.' },
  'draw.assigned': (p: { drawn: string; name: string; nameEn: string }) => ({
    zh: `“${p.drawn}”现为${p.name}的边界。`,
    en: `“${p.drawn}” is now the boundary of ${p.nameEn}.`
  }),
  'draw.problem.save': { zh: '图形未能保存', en: 'The drawing could not be saved' },
  'draw.problem.rename': { zh: '名称未能保存', en: 'The name could not be saved' },
  'draw.problem.delete': { zh: '图形未能删除', en: 'The drawing could not be deleted' },
  'draw.problem.assign': { zh: '边界未能保存', en: 'The boundary could not be saved' },
  'draw.problem.unassign': { zh: '边界未能取消', en: 'The boundary could not be removed' },
  /** What failed, and why when the storage says (both bilingual). */
  'draw.problem': ({ what = NOTHING, why = null }: { what: Bilingual; why: Bilingual | null }) => ({
    zh: why ? `${what.zh}：${why.zh}` : `${what.zh}。`,
    en: why ? `${what.en}: ${why.en}` : `${what.en}.`
  })
});
