/**
 * The carriers' profiles (issue #13): what the extraction from the plan text gives each park,
 * pinned. A change of the plan text, the layers or the rules in src/lib/parks/ shows up here as a
 * diff to read, never silently.
 */
import { describe, expect, it } from 'vitest';
import { headingById, paragraphById } from '$lib/plan';
import { THEMES } from '$lib/parks/themes';
import { featureById } from '$lib/layers/catalog';
import { carriers, parkProfiles, parkProfile } from '$lib/parks';

const unique = (ids: string[]) => [...new Set(ids)];

/** What each profile gets: paragraphs, areas, industries (its own, and shared with a group). */
const EXPECTED: Record<
  string,
  {
    planRefs: string[];
    areas: string[];
    industries: string[];
    sharedIndustries: string[];
    positioning: string[];
    projects: string[];
    progress: string[];
  }
> = {
  'zijing-industrial-park': {
    planRefs: ['c1s1p2', 'c3s1p4', 'c3s2p3', 'c5s1p1', 'c5s1p4', 'c5s3p5', 'c5s5p5', 'c7s2p2'],
    areas: ['6.9平方公里@c5s1p4'],
    industries: ['digital', 'pharma'],
    sharedIndustries: [
      'logistics@一区三园',
      'fine-chemicals@三园',
      'equipment@三园',
      'electrical@三园',
      'urban-industry@三园',
      'health-care@三园'
    ],
    positioning: ['c5s1p4', 'c5s3p5'],
    projects: [
      'datang-heat-source',
      'suzhou-huafu-group',
      'tianjin-ruyi-pharmaceutical',
      'junrui-technology',
      'qingning-network'
    ],
    progress: ['c1s1p2']
  },
  'songling-enclave-industrial-park': {
    planRefs: [
      'c1s1p2',
      'c1s3p4',
      'c3s1p4',
      'c3s2p3',
      'c5s1p1',
      'c5s1p4',
      'c5s3p3',
      'c5s5p5',
      'c7s2p2'
    ],
    areas: ['835亩@c5s1p4'],
    industries: ['fine-chemicals', 'new-energy', 'pharma'],
    sharedIndustries: [
      'logistics@一区三园',
      'digital@一区三园',
      'equipment@三园',
      'electrical@三园',
      'urban-industry@三园',
      'health-care@三园'
    ],
    positioning: ['c5s1p4', 'c5s3p3', 'c5s3p3'],
    projects: [],
    progress: ['c1s1p2', 'c1s3p4']
  },
  'military-civilian-industrial-park': {
    planRefs: ['c1s1p2', 'c3s1p4', 'c3s2p3', 'c5s1p1', 'c5s1p4', 'c5s3p4', 'c5s5p5', 'c7s2p2'],
    areas: ['1161亩@c1s1p2+c5s1p4'],
    industries: [
      'equipment',
      'electrical',
      'military-civil',
      'new-energy',
      'new-materials',
      'auto-parts',
      'satellite'
    ],
    sharedIndustries: [
      'logistics@一区三园',
      'digital@一区三园',
      'fine-chemicals@三园',
      'urban-industry@三园',
      'health-care@三园'
    ],
    positioning: ['c5s1p4', 'c5s3p4', 'c5s3p4', 'c5s3p4'],
    projects: ['kaimei-energy', 'huaxing-electromechanical'],
    progress: ['c1s1p2']
  },
  'shuangling-demo-zone': {
    planRefs: ['c1s1p2', 'c3s1p4', 'c3s2p3', 'c5s1p1', 'c5s1p3', 'c5s5p5', 'c7s2p2'],
    areas: [],
    industries: ['logistics', 'commerce', 'finance', 'real-estate'],
    sharedIndustries: ['digital@一区三园'],
    positioning: ['c5s1p3', 'c5s1p3'],
    projects: ['substation-66kv'],
    progress: ['c1s1p2']
  },
  'sikai-logistics-park': {
    planRefs: ['c1s1p2', 'c5s2p2', 'c5s4p3'],
    areas: [],
    industries: ['agri-products', 'logistics', 'ecommerce'],
    sharedIndustries: [],
    positioning: ['c5s2p2', 'c5s2p2', 'c5s2p2'],
    projects: ['baigu-village', 'jintun-village'],
    progress: ['c1s1p2']
  },
  'agri-products-logistics-base': {
    planRefs: ['c5s4p3'],
    areas: [],
    industries: [],
    sharedIndustries: ['logistics@', 'agri-products@'],
    positioning: [],
    projects: ['baigu-village', 'jintun-village'],
    progress: []
  },
  'bohai-digital-park': {
    planRefs: ['c1s1p4', 'c4s1p4'],
    areas: [],
    industries: [],
    sharedIndustries: ['digital@', 'culture@'],
    positioning: [],
    projects: [],
    progress: ['c1s1p4']
  },
  'digital-culture-park-53': {
    planRefs: ['c4s1p4'],
    areas: [],
    industries: [],
    sharedIndustries: ['digital@', 'culture@'],
    positioning: [],
    projects: [],
    progress: []
  },
  'lan-tech-creative-park': {
    planRefs: ['c1s1p4', 'c4s1p3'],
    areas: [],
    industries: [],
    sharedIndustries: ['incubation@'],
    positioning: [],
    projects: [],
    progress: ['c1s1p4']
  },
  'industrial-internet-demo-park': {
    planRefs: ['c5s3p5'],
    areas: [],
    industries: ['digital'],
    sharedIndustries: [],
    positioning: [],
    projects: [],
    progress: []
  },
  'maoye-innovation-zone': {
    planRefs: ['c1s1p1', 'c4s1p3'],
    areas: [],
    industries: [],
    sharedIndustries: ['incubation@'],
    positioning: [],
    projects: [],
    progress: ['c1s1p1']
  },
  'huafu-innovation-harbour': {
    planRefs: ['c1s1p4', 'c4s1p3'],
    areas: [],
    industries: [],
    sharedIndustries: ['incubation@'],
    positioning: [],
    projects: [],
    progress: ['c1s1p4']
  },
  'youth-ecommerce-base': {
    planRefs: ['c5s2p6', 'c8s6p2'],
    areas: [],
    industries: [],
    sharedIndustries: ['digital@', 'ecommerce@'],
    positioning: [],
    projects: ['media-training-base'],
    progress: []
  },
  'livestream-base': {
    planRefs: ['c5s2p6', 'c8s6p2'],
    areas: [],
    industries: [],
    sharedIndustries: ['digital@', 'ecommerce@'],
    positioning: [],
    projects: ['media-training-base'],
    progress: []
  },
  'jmu-yichuang-space': {
    planRefs: ['c1s1p1'],
    areas: [],
    industries: [],
    sharedIndustries: [],
    positioning: [],
    projects: [],
    progress: ['c1s1p1']
  },
  'provincial-commerce-cluster': {
    planRefs: ['c1s1p2', 'c5s2p2', 'c5s2p4', 'c8s6p2'],
    areas: [],
    industries: ['commerce', 'culture'],
    sharedIndustries: [],
    positioning: ['c5s2p2', 'c5s2p4'],
    projects: [
      'liaoxi-small-commodities-market',
      'clothing-wholesale-market',
      'jinzhou-antiques-city',
      'regional-exhibition-centre',
      'dashang-towers',
      'ruiyi-soft-pottery'
    ],
    progress: ['c1s1p2']
  }
};

describe('park profiles', () => {
  it('lists the 三园, the “双凌” zone, then the other carriers the plan names', () => {
    expect(carriers.map((c) => c.id)).toEqual(Object.keys(EXPECTED));
    expect(carriers.slice(0, 4).map((c) => c.group)).toEqual([
      'three-parks',
      'three-parks',
      'three-parks',
      'zone'
    ]);
  });

  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(`pins what the plan gives ${id}`, () => {
      const profile = parkProfile(id)!;
      expect({
        planRefs: profile.planRefs,
        areas: profile.areas.map(
          (a) => `${a.value}${a.unit}@${a.sources.map((s) => s.paragraphId).join('+')}`
        ),
        industries: profile.industries.filter((i) => !i.shared).map((i) => i.id),
        sharedIndustries: profile.industries
          .filter((i) => i.shared)
          .map((i) => `${i.id}@${i.groupTerm ?? ''}`),
        positioning: unique(
          profile.positioning.filter((c) => c.sharedWith.length === 0).map((c) => c.paragraphId)
        ),
        projects: profile.projects.map((p) => p.featureId),
        progress: profile.progress.map((c) => c.paragraphId)
      }).toEqual({ ...expected, positioning: unique(expected.positioning) });
    });
  }

  it('gives the 三园 their areas in 亩, 公顷 and km² with the plan’s words', () => {
    const area = (id: string) => {
      const [a] = parkProfile(id)!.areas;
      return [a.mu, a.hectares, a.squareKilometres, a.sources[0].quote];
    };
    expect(area('zijing-industrial-park')).toEqual([
      10350,
      690,
      6.9,
      '紫荆产业园规划面积6.9平方公里'
    ]);
    expect(area('songling-enclave-industrial-park')).toEqual([
      835,
      55.67,
      0.5567,
      '“松凌”飞地经济产业园规划面积835亩'
    ]);
    expect(area('military-civilian-industrial-park')).toEqual([
      1161,
      77.4,
      0.774,
      '锦州军民融合产业园完成规划编制,占地面积1161亩'
    ]);
  });

  it('quotes each park’s own 打造… sentence as its positioning', () => {
    const own = (id: string) =>
      parkProfile(id)!
        .positioning.filter((c) => c.direct && c.sharedWith.length === 0)
        .map((c) => c.quote)[0];
    expect(own('zijing-industrial-park')).toBe(
      '紫荆产业园规划面积6.9平方公里,打造园区管理模式改革实验区和多种产业融合发展的先行区;'
    );
    expect(own('songling-enclave-industrial-park')).toBe(
      '“松凌”飞地经济产业园规划面积835亩,打造全域转身向海和临港经济桥头堡;'
    );
    expect(own('military-civilian-industrial-park')).toBe(
      '军民融合产业园规划面积1161亩,打造军工与民营合作平台。'
    );
  });

  it('says an industry assigned to the 三园 together is shared, naming the other two', () => {
    const claim = parkProfile('zijing-industrial-park')!.industries.find(
      (i) => i.id === 'fine-chemicals'
    )!;
    expect(claim.shared).toBe(true);
    expect(claim.groupTerm).toBe('三园');
    expect(claim.evidence.paragraphId).toBe('c5s1p4');
    expect(claim.evidence.sharedWith).toEqual([
      'songling-enclave-industrial-park',
      'military-civilian-industrial-park'
    ]);
    // …while c5s3p3 gives 精细化工 to the “松凌” park alone.
    const own = parkProfile('songling-enclave-industrial-park')!.industries.find(
      (i) => i.id === 'fine-chemicals'
    )!;
    expect([own.shared, own.direct, own.paragraphIds]).toEqual([false, true, ['c5s1p4', 'c5s3p3']]);
    expect(own.evidence.quote).toContain('精细化工');
  });

  it('does not read an industry out of a park’s name (军民融合产业园 is not 军民融合 by name)', () => {
    const zijing = parkProfile('zijing-industrial-park')!;
    expect(zijing.industries.map((i) => i.id)).not.toContain('military-civil');
  });

  it('quotes only verbatim sentences of paragraphs that exist', () => {
    for (const profile of parkProfiles) {
      const citations = [
        ...profile.positioning,
        ...profile.commitments,
        ...profile.progress,
        ...profile.industries.map((i) => i.evidence),
        ...profile.projects.flatMap((p) => p.citations),
        ...profile.areas.flatMap((a) => a.sources)
      ];
      for (const c of citations) {
        const paragraph = paragraphById(c.paragraphId);
        expect(paragraph, `${profile.id}: ${c.paragraphId}`).toBeDefined();
        expect(paragraph!.text).toContain(c.quote);
      }
    }
  });

  it('cites every paragraph the feature itself lists', () => {
    for (const profile of parkProfiles) {
      const feature = featureById(profile.id)!;
      expect(profile.planRefs, profile.id).toEqual(
        expect.arrayContaining(feature.properties.planRefs)
      );
    }
  });

  it('reports 第一章 progress in the plan’s words', () => {
    expect(parkProfile('songling-enclave-industrial-park')!.progress[0].quote).toBe(
      '“松凌”飞地经济产业园完成审批,基础设施建设全面展开;'
    );
    expect(parkProfile('shuangling-demo-zone')!.progress[0].quote).toBe(
      '“双凌”协同发展示范区完成空间规划编制,66千伏变电站投入运行;'
    );
  });

  it('says how far to trust the position', () => {
    expect(parkProfile('zijing-industrial-park')!.position).toBe('at-plan-size');
    expect(parkProfile('shuangling-demo-zone')!.position).toBe('schematic');
    expect(parkProfile('sikai-logistics-park')!.position).toBe('unlocated');
  });

  it('builds themes from plan ids that exist', () => {
    for (const theme of THEMES) {
      for (const ref of theme.refs) {
        expect(headingById(ref) ?? paragraphById(ref), `${theme.id}: ${ref}`).toBeDefined();
      }
    }
  });
});
