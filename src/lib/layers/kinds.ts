/**
 * What a plan feature is: the `kind` property of every feature in geodata/layers/ is a key of
 * FEATURE_KINDS, and the contract check (./contract.ts) rejects any other value.
 */
export const FEATURE_KINDS: Record<string, { zh: string; en: string }> = {
  'city-core': { zh: '主城区', en: 'Urban core' },
  'demo-zone': { zh: '示范区', en: 'Demonstration zone' },
  'industrial-park': { zh: '产业园区', en: 'Industrial park' },
  'landscape-belt': { zh: '景观带', en: 'Landscape belt' },
  corridor: { zh: '发展轴', en: 'Development corridor' },
  river: { zh: '河流', en: 'River' },
  'river-works': { zh: '河道治理', en: 'River works' },
  drainage: { zh: '排水与污水', en: 'Drainage and sewage' },
  park: { zh: '公园景区', en: 'Park or scenic area' },
  'agri-zone': { zh: '农业区', en: 'Farming area' },
  farm: { zh: '农场', en: 'Farm' },
  village: { zh: '村', en: 'Village' },
  'logistics-park': { zh: '物流园区', en: 'Logistics park' },
  market: { zh: '市场', en: 'Market' },
  commercial: { zh: '商业', en: 'Retail and commerce' },
  office: { zh: '商务楼宇', en: 'Office building' },
  'innovation-space': { zh: '创新创业载体', en: 'Innovation or start-up space' },
  'digital-park': { zh: '数字产业园', en: 'Digital industry park' },
  'digital-infrastructure': { zh: '数字基础设施', en: 'Digital infrastructure' },
  culture: { zh: '文化设施', en: 'Cultural venue' },
  school: { zh: '学校', en: 'School' },
  education: { zh: '教育培训', en: 'Education and training' },
  health: { zh: '卫生设施', en: 'Health facility' },
  utility: { zh: '市政设施', en: 'Utility' },
  road: { zh: '道路', en: 'Road' },
  bridge: { zh: '桥梁', en: 'Bridge' },
  redevelopment: { zh: '城市更新', en: 'Urban renewal' },
  housing: { zh: '住宅项目', en: 'Housing project' },
  company: { zh: '企业', en: 'Company' }
};
