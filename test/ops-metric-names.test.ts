/**
 * Dashboards and alerts cannot drift from the code: every metric an alert rule or a Grafana panel queries is one the
 * services register (their modules loaded as the processes load them, Node's runtime metrics included), and every
 * Bloomzy metric the services register is on a dashboard.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { subgraphs } from '@bloomzy/shared/manifest';
import { collectRuntimeMetrics, metricsRegistry } from '@bloomzy/shared/metrics/registry';
import { repoRoot } from '@bloomzy/shared/paths';
import { loadSubgraphModule } from '../scripts/subgraph-modules.js';

/** What a histogram exposes besides its name. */
const SERIES_SUFFIXES = ['_bucket', '_sum', '_count'];
/** PromQL words that look like metric names. */
const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
  'bool',
  'offset',
  'inf',
  'nan',
]);

/**
 * The metric names a PromQL expression reads: identifiers left once strings, label matchers, ranges, grouping
 * clauses, Grafana variables and numbers are removed, that are not functions (followed by a parenthesis) or keywords.
 */
function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\$\w+/g, ' ')
    .replace(/\b\d[\w.]*/g, ' ');
  const names = new Set<string>();
  for (const match of bare.matchAll(/[A-Za-z_:][\w:]*/g)) {
    const name = match[0];
    const after = bare.slice((match.index ?? 0) + name.length).trimStart();
    if (after.startsWith('(') || KEYWORDS.has(name)) continue;
    names.add(name);
  }
  return [...names];
}

async function dashboards(): Promise<{ file: string; exprs: string[] }[]> {
  const dir = path.join(repoRoot, 'ops', 'grafana', 'dashboards');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  return Promise.all(
    files.map(async (file) => {
      const json = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as {
        panels: { targets?: { expr?: string }[] }[];
        templating?: { list: { query?: { query?: string } }[] };
      };
      const exprs = json.panels.flatMap((p) => (p.targets ?? []).flatMap((t) => (t.expr ? [t.expr] : [])));
      // label_values(<metric>, label) in variables: the metric is the first argument.
      for (const v of json.templating?.list ?? []) {
        const inner = /label_values\((.*),\s*\w+\)$/.exec(v.query?.query ?? '')?.[1];
        if (inner) exprs.push(inner);
      }
      return { file, exprs };
    }),
  );
}

async function alertRules(): Promise<{ records: Set<string>; exprs: string[] }> {
  const rules = parse(await readFile(path.join(repoRoot, 'ops', 'prometheus', 'alerts.yml'), 'utf8')) as {
    groups: { rules: { record?: string; expr: string }[] }[];
  };
  const all = rules.groups.flatMap((g) => g.rules);
  return { records: new Set(all.flatMap((r) => (r.record ? [r.record] : []))), exprs: all.map((r) => r.expr) };
}

describe('metric names in dashboards and alerts', () => {
  let registered: Set<string>;
  beforeAll(async () => {
    // Everything the processes load: the router, every subgraph, the per-process metrics.
    await import('@bloomzy/router/server');
    await import('@bloomzy/shared/metrics/process-metrics');
    for (const { name } of subgraphs()) await loadSubgraphModule(name);
    collectRuntimeMetrics('test');
    registered = new Set(metricsRegistry.getMetricsAsArray().map((m) => m.name));
  });
  const known = (name: string, records: Set<string>) =>
    name === 'up' ||
    records.has(name) ||
    registered.has(name) ||
    SERIES_SUFFIXES.some((s) => name.endsWith(s) && registered.has(name.slice(0, -s.length)));

  it('reads names out of PromQL', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.99, sum by (service, le) (rate(a_seconds_bucket{type!="x"}[$__rate_interval]))) > 1 or max(b) > 300 and on (x) c:d',
      ).sort(),
    ).toEqual(['a_seconds_bucket', 'b', 'c:d']);
  });

  it('alert rules query only metrics the services register', async () => {
    const { records, exprs } = await alertRules();
    const used = exprs.flatMap(metricNamesIn);
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((name) => !known(name, records))).toEqual([]);
  });

  it('dashboards query only metrics the services register', async () => {
    const { records } = await alertRules();
    const boards = await dashboards();
    expect(boards.length).toBeGreaterThanOrEqual(2);
    for (const { file, exprs } of boards) {
      const used = exprs.flatMap(metricNamesIn);
      expect(
        used.filter((name) => !known(name, records)),
        file,
      ).toEqual([]);
    }
  });

  it('shows every Bloomzy metric on a dashboard', async () => {
    const used = new Set(
      (await dashboards())
        .flatMap((b) => b.exprs.flatMap(metricNamesIn))
        .map((name) =>
          SERIES_SUFFIXES.reduce(
            (n, s) => (n.endsWith(s) && registered.has(n.slice(0, -s.length)) ? n.slice(0, -s.length) : n),
            name,
          ),
        ),
    );
    const ours = [...registered].filter((name) => name.startsWith('bloomzy_'));
    expect(ours.length).toBeGreaterThanOrEqual(15);
    expect(ours.filter((name) => !used.has(name))).toEqual([]);
  });
});
