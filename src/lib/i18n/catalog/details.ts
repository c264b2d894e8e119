/** Strings of a plan feature's details (popup or panel), which load with the first selection. */
import { addMessages } from '../message-store';

export const details = addMessages({
  'details.unlocated': {
    zh: '无位置依据，未上图。',
    en: 'No basis for a position; not drawn on the map.'
  },
  'details.measuredArea': { zh: '图上面积', en: 'Area on the map' },
  'details.measuredLength': { zh: '图上长度', en: 'Length on the map' },
  'details.schematicHint': { zh: '（示意，非测绘）', en: '(schematic, not a survey)' },
  'details.figure': { zh: '规划数值', en: 'Plan figure' },
  'details.delta': { zh: '图上差异', en: 'Difference on the map' },
  'details.where': { zh: '出处', en: 'Where' },
  'details.byConstruction': { zh: '按数值绘制', en: 'by construction' },
  'details.byConstructionTitle': {
    zh: '示意图按规划数值绘制，吻合不代表核实',
    en: 'The schematic shape is drawn to the plan’s figure; agreement verifies nothing'
  },
  'details.userBoundary': { zh: '已指定用户边界', en: 'You assigned a boundary' },
  'details.boundaryArea': { zh: '边界面积', en: 'Boundary area' },
  'details.boundaryLength': { zh: '边界长度', en: 'Boundary length' },
  'details.versus': (p: { stated: string; delta: string }) => ({
    zh: `规划 ${p.stated} · 差异 ${p.delta}`,
    en: `Plan ${p.stated} · difference ${p.delta}`
  }),
  'details.within': (p: { tol: number }) => ({
    zh: `容差 ${p.tol}% 内，已核实`,
    en: `verified within ${p.tol}%`
  }),
  'details.beyond': (p: { tol: number }) => ({
    zh: `超出容差 ${p.tol}%，不符`,
    en: `mismatch beyond ${p.tol}%`
  }),
  'details.basis': { zh: '位置依据', en: 'Position based on' },
  'details.refs': { zh: '规划原文', en: 'In the plan' }
});
