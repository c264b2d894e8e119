import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import AuditPage from '../../src/routes/audit/+page.svelte';
import { locale } from '../../src/lib/i18n/locale.svelte';

describe('the /audit page rendered on the server (as prerendering does)', () => {
  const { body, head } = render(AuditPage);

  it('has the heading, the explanation and the tolerance control at 1%', () => {
    expect(head).toContain('土地指标核对');
    expect(body).toContain('土地指标核对');
    expect(body).toContain('这种吻合什么也证明不了');
    expect(body).toMatch(/<input[^>]*type="number"[^>]*value="1"/);
  });

  it('is prerendered in Chinese only', () => {
    expect(head).not.toContain('Land-figure audit');
    expect(body).not.toContain('Land-figure audit');
    expect(body).not.toContain('verify nothing');
    expect(body).not.toContain('Export CSV');
    expect(body).not.toMatch(/\bStatus\b|\bAccuracy\b/);
  });

  it('renders a table row per figure with links to the map and the plan', () => {
    expect(body).toContain('军民融合产业园规划面积1161亩');
    expect(body).toContain('href="/plan#c5s1p4"');
    expect(body).toContain('第五章 第一节 第4段');
    expect(body).toMatch(/href="\/\?feature=[a-z0-9-]+"/);
    expect(body).toMatch(/<tr[^>]*data-status="not-auditable"/);
    expect(body).not.toMatch(/<tr[^>]*data-status="verified"/);
    expect(body.match(/<tr[^>]*data-key=/g)?.length).toBeGreaterThanOrEqual(9);
  });

  it('draws the chart as inline SVG and offers both exports', () => {
    expect(body).toMatch(/<svg[^>]*role="img"/);
    expect(body).toContain('第一章 第一节 第2段');
    expect(body).toContain('导出 CSV');
    expect(body).toContain('导出 JSON');
  });
});

describe('the /audit page in English', () => {
  locale.current = 'en';
  const { body, head } = render(AuditPage);
  locale.current = 'zh';

  it('shows the English UI, the plan quotes in Chinese and units in Latin symbols', () => {
    expect(head).toContain('Land-figure audit · Linghe Plan Map');
    expect(body).toMatch(/match the plan by construction and verify nothing/);
    expect(body).toContain('Export CSV');
    expect(body).toContain('Chapter 5, section 1, paragraph 4');
    expect(body).toMatch(/<q lang="zh-CN"[^>]*>[^<]*1161亩/);
    expect(body).toContain('1161 mu');
    expect(body).not.toContain('土地指标核对');
    expect(body).not.toContain('导出 CSV');
  });
});
