import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import AuditPage from '../../src/routes/audit/+page.svelte';

describe('the /audit page rendered on the server (as prerendering does)', () => {
  const { body, head } = render(AuditPage);

  it('has the heading, the explanation and the tolerance control at 1%', () => {
    expect(head).toContain('土地指标核对');
    expect(body).toContain('土地指标核对');
    expect(body).toContain('Land-figure audit');
    expect(body).toMatch(/match the plan by construction and\s+verify nothing/);
    expect(body).toMatch(/<input[^>]*type="number"[^>]*value="1"/);
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
