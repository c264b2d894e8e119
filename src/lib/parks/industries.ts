/**
 * The industries the plan assigns (issue #13), as words of the plan itself: an industry is found
 * in a sentence when one of its spellings occurs there (`精细化工`, `医药中间体`, `超级电容器` …).
 * Labels are for chips and the map filter; the evidence is always the sentence.
 *
 * @example industriesIn('重点发展精细化工等相关产业，引进制氢及配套产业项目。')
 *   // ['fine-chemicals', 'new-energy']
 */
import type { Bilingual } from '$lib/i18n/types';

export interface Industry {
  id: string;
  label: Bilingual;
  /** The plan's spellings of it. */
  pattern: RegExp;
}

export const INDUSTRIES: readonly Industry[] = [
  {
    id: 'fine-chemicals',
    label: { zh: '精细化工', en: 'Fine chemicals' },
    pattern: /精细化工|涂料染料|化工/
  },
  { id: 'pharma', label: { zh: '医药', en: 'Pharmaceuticals' }, pattern: /医药|制药|药业/ },
  {
    id: 'new-energy',
    label: { zh: '新能源', en: 'New energy' },
    pattern: /新能源|制氢|超级电容器/
  },
  { id: 'new-materials', label: { zh: '新材料', en: 'New materials' }, pattern: /新材料|配套材料/ },
  {
    id: 'equipment',
    label: { zh: '装备制造', en: 'Equipment and machinery' },
    pattern: /高端装备|装备制造|智能制造|机械加工|精密仪器/
  },
  {
    id: 'electrical',
    label: { zh: '机电与电器元件', en: 'Electrical and electronic parts' },
    pattern: /机电|电器元件/
  },
  { id: 'auto-parts', label: { zh: '汽车零部件', en: 'Car parts' }, pattern: /汽车零部件/ },
  {
    id: 'satellite',
    label: { zh: '卫星及应用', en: 'Satellites and applications' },
    pattern: /卫星/
  },
  {
    id: 'military-civil',
    label: { zh: '军民融合', en: 'Military–civilian integration' },
    pattern: /军民融合|军工|军民共用/
  },
  { id: 'urban-industry', label: { zh: '都市工业', en: 'Urban industry' }, pattern: /都市工业/ },
  {
    id: 'health-care',
    label: { zh: '医疗康养', en: 'Health and elderly care' },
    pattern: /医疗康养|康养|健康养老/
  },
  { id: 'logistics', label: { zh: '物流', en: 'Logistics' }, pattern: /物流|冷链|仓储/ },
  {
    id: 'commerce',
    label: { zh: '商贸', en: 'Trade and retail' },
    pattern: /商贸|批发|小商品|零售|购物/
  },
  { id: 'finance', label: { zh: '金融服务', en: 'Financial services' }, pattern: /金融/ },
  { id: 'real-estate', label: { zh: '房地产', en: 'Real estate' }, pattern: /房地产/ },
  {
    id: 'digital',
    label: { zh: '数字经济', en: 'Digital economy' },
    pattern: /数字经济|数字产业|数字文化|5G|工业互联网|数据应用|大数据|云计算/
  },
  {
    id: 'ecommerce',
    label: { zh: '电子商务与直播', en: 'E-commerce and live-streaming' },
    pattern: /电子商务|电商|直播/
  },
  {
    id: 'culture',
    label: { zh: '文化创意', en: 'Culture and creative industries' },
    pattern: /文化产业|文创|古玩|非物质文化遗产/
  },
  { id: 'tourism', label: { zh: '文化旅游', en: 'Tourism' }, pattern: /旅游|文旅/ },
  {
    id: 'incubation',
    label: { zh: '科技孵化', en: 'Start-ups and incubation' },
    pattern: /众创空间|孵化|创新创业/
  },
  {
    id: 'agri-products',
    label: { zh: '农产品', en: 'Farm produce' },
    pattern: /农产品|农副产品|订单农业/
  }
];

const byId = new Map(INDUSTRIES.map((industry) => [industry.id, industry]));

/** The industry with this id, or undefined. */
export function industryById(id: string): Industry | undefined {
  return byId.get(id);
}

/** Ids of the industries a text names, in INDUSTRIES order. */
export function industriesIn(text: string): string[] {
  return INDUSTRIES.filter((industry) => industry.pattern.test(text)).map((i) => i.id);
}

/** Industry ids in INDUSTRIES order, duplicates and unknown ids dropped. */
export function sortIndustries(ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  return INDUSTRIES.filter((industry) => wanted.has(industry.id)).map((i) => i.id);
}
