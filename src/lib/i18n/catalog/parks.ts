/** Strings of the park profiles and the comparison (issue #13); the map's filter is in map.ts. */
import { addMessages } from '../message-store';
export const parks = addMessages({
  'parks.title': { zh: '园区与产业载体', en: 'Parks and zones' },
  'parks.description': {
    zh: '凌河区“十四五”规划中的三园、“双凌”示范区和其他产业载体：面积、定位、产业和规划原文。',
    en: 'The three parks, the “Shuangling” zone and the other carriers of the Linghe plan: area, positioning, industries, with the plan’s words.'
  },
  'parks.intro': {
    zh: '每一项都摘自规划原文，并链接到所在段落。产业标签按规划原话识别；规划对“三园”等整体的表述单独标出，不当作某一园区的专属定位。',
    en: 'Every fact is taken from the plan text and links to its paragraph. Industries are found in the plan’s own words; what the plan says of the 三园 (or another group) together is marked as shared, not as one park’s own.'
  },
  'parks.group.three-parks': { zh: '三园', en: 'The three parks (三园)' },
  'parks.group.zone': { zh: '“一区”：“双凌”协同发展示范区', en: 'The zone (一区)' },
  'parks.group.other': { zh: '其他产业载体', en: 'Other carriers the plan names' },
  'parks.col.name': { zh: '名称', en: 'Name' },
  'parks.col.kind': { zh: '类型', en: 'Type' },
  'parks.col.area': { zh: '规划面积', en: 'Planned area' },
  'parks.col.industries': { zh: '规划产业', en: 'Industries' },
  'parks.col.refs': { zh: '引用段落', en: 'Paragraphs' },
  'parks.col.compare': { zh: '对比', en: 'Compare' },
  'parks.compareSelected': { zh: '对比所选园区（2–4个）', en: 'Compare the selected (2–4)' },
  'parks.selectToCompare': (p: { name: string }) => ({
    zh: `选择“${p.name}”进行对比`,
    en: `Select ${p.name} for comparison`
  }),
  'parks.area.none': { zh: '规划未写明面积', en: 'The plan states no area' },
  'parks.section.area': { zh: '规划面积', en: 'Planned area' },
  'parks.section.positioning': { zh: '定位', en: 'Positioning' },
  'parks.section.industries': { zh: '规划产业', en: 'Industries the plan assigns' },
  'parks.section.sharedIndustries': {
    zh: '与其他载体共同的产业',
    en: 'Industries assigned together with others'
  },
  'parks.section.projects': { zh: '规划提到的企业和项目', en: 'Enterprises and projects named' },
  'parks.section.commitments': {
    zh: '基础设施与政策承诺',
    en: 'Infrastructure and policy commitments'
  },
  'parks.section.progress': { zh: '已取得的进展（第一章）', en: 'Already done (chapter 1)' },
  'parks.section.position': { zh: '位置', en: 'Position' },
  'parks.section.links': { zh: '链接与下载', en: 'Links and downloads' },
  'parks.topic.infrastructure': { zh: '基础设施', en: 'Infrastructure' },
  'parks.topic.policy': { zh: '政策与体制', en: 'Policy and administration' },
  'parks.topic.development': { zh: '发展任务', en: 'Development tasks' },
  'parks.sharedGroup': (p: { term: string }) => ({
    zh: `规划对“${p.term}”整体的表述`,
    en: `Said of the ${p.term} together`
  }),
  'parks.sharedWith': (p: { names: string }) => ({
    zh: `与${p.names}共同`,
    en: `Together with ${p.names}`
  }),
  'parks.context': { zh: '同段上下文', en: 'from the same passage' },
  'parks.contextNote': {
    zh: '标“同段上下文”的句子没有直接写出园区名称，而是紧接在写出名称的句子之后。',
    en: 'Sentences marked “from the same passage” do not name the park themselves; they follow a sentence that does.'
  },
  'parks.none': { zh: '规划中没有相关表述。', en: 'The plan says nothing on this.' },
  'parks.position.at-plan-size': {
    zh: '位置为示意，面积按规划绘制',
    en: 'Position schematic; drawn at the plan’s stated size'
  },
  'parks.position.schematic': {
    zh: '位置与范围均为示意，不是测绘结果',
    en: 'Position and extent are schematic, not a survey'
  },
  'parks.position.unlocated': {
    zh: '没有可靠的位置依据，地图上未绘制',
    en: 'No basis for a position: not drawn on the map'
  },
  'parks.position.derived': { zh: '位置由其他数据推定', en: 'Position derived from other data' },
  'parks.position.boundary': {
    zh: '位置来自公开的边界数据',
    en: 'Position from published boundary data'
  },
  'parks.position.imported': { zh: '位置来自导入的边界', en: 'Position from an imported boundary' },
  'parks.position.contributed': {
    zh: '位置由用户标注、经维护者合并，非官方数据',
    en: 'Position placed by a user and merged by a maintainer; not official data'
  },
  'parks.locationBasis': { zh: '位置依据（英文注释）', en: 'What the position rests on' },
  'parks.miniMap': (p: { name: string }) => ({
    zh: `${p.name}在凌河区的示意位置`,
    en: `Schematic position of ${p.name} in Linghe District`
  }),
  'parks.miniMapLegend': {
    zh: '粗线为凌河区界，虚线填充为示意位置。',
    en: 'Bold line: Linghe District; hatched: the schematic position.'
  },
  'parks.link.map': { zh: '在地图上查看', en: 'Show on the map' },
  'parks.link.audit': {
    zh: '在土地指标核对中查看面积',
    en: 'Check the area in the land-figure audit'
  },
  'parks.link.planRefs': {
    zh: '规划中提到它的段落',
    en: 'Paragraphs of the plan that speak about it'
  },
  'parks.download.json': { zh: '下载本页数据（JSON）', en: 'Download this profile (JSON)' },
  'parks.download.csv': { zh: '下载全部园区数据（CSV）', en: 'Download all profiles (CSV)' },
  'parks.back': { zh: '全部园区', en: 'All parks' },
  'parks.unit.mu': { zh: '亩', en: 'mu' },
  'parks.unit.hectares': { zh: '公顷', en: 'hectares' },
  'parks.unit.km2': { zh: '平方公里', en: 'km²' },
  'parks.compare.title': { zh: '园区对比', en: 'Compare parks' },
  'parks.compare.intro': {
    zh: '选择两到四个园区并排比较。网址记录所选园区，可以分享。',
    en: 'Choose two to four parks to see them side by side. The address records the choice, so it can be shared.'
  },
  'parks.compare.choose': { zh: '选择园区', en: 'Choose parks' },
  'parks.compare.apply': { zh: '对比', en: 'Compare' },
  'parks.compare.tooFew': { zh: '请至少选择两个园区。', en: 'Choose at least two parks.' },
  'parks.compare.unknown': (p: { ids: string }) => ({
    zh: `网址中有未知的园区编号，已忽略：${p.ids}`,
    en: `Unknown park ids in the address were ignored: ${p.ids}`
  }),
  'parks.compare.surplus': (p: { n: number }) => ({
    zh: `最多对比4个园区，其余${p.n}个未显示。`,
    en: `At most 4 parks are compared; ${p.n} more were left out.`
  }),
  'parks.compare.aspect': { zh: '项目', en: 'Aspect' },
  'parks.compare.counts': (p: { n: number }) => ({ zh: `${p.n}条`, en: `${p.n}` }),
  'parks.link.residents': {
    zh: '居民关心的项目：棚改、老旧小区、住宅和河道治理',
    en: 'For residents: renewal, housing and river works'
  },
  'projects.title': { zh: '规划对居民项目的承诺', en: 'What the plan commits to for residents' },
  'projects.intro': {
    zh: '棚户区改造、老旧小区改造、住宅项目和河道治理：每个项目一句规划原文及其所在段落；第一章所述为“十三五”期间已完成的工作。',
    en: 'Shanty-town and old-estate renewal, housing and river works: one sentence of the plan for each, with its paragraph; chapter 1 reports what was done in 2016–2020.'
  },
  'projects.col.planned': { zh: '规划承诺', en: 'What the plan commits to' },
  'projects.col.done': { zh: '已完成（第一章）', en: 'Already done (chapter 1)' }
});
