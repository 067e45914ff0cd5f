/**
 * The compose stack's Prometheus configuration and alert rules, checked by Prometheus' own tool: the configuration and
 * rules load (`promtool check config`, `check rules`) and every alert fires on the failure it describes and stays
 * quiet short of it (`promtool test rules ops/prometheus/alerts.test.yml`). Without promtool the checks are skipped
 * locally (Debian: `apt-get install prometheus`; `.ci/run` installs it) and fail in CI.
 */
import { execFile, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { subgraphs } from '@bloomzy/shared/manifest';
import { repoRoot } from '@bloomzy/shared/paths';

const dir = path.join(repoRoot, 'ops', 'prometheus');
const installed = spawnSync('promtool', ['--version']).status === 0;
if (!installed && process.env.CI === 'true') {
  throw new Error('CI=true but promtool is not installed: the alert rules cannot go unchecked in CI');
}
if (!installed) console.warn('promtool not found: skipping the Prometheus checks (apt-get install prometheus)');

const promtool = async (...args: string[]) => {
  const { stdout, stderr } = await promisify(execFile)('promtool', args, { cwd: dir });
  return stdout + stderr;
};

describe.skipIf(!installed)('Prometheus configuration (promtool)', () => {
  it('loads the configuration and its rule files', async () => {
    expect(await promtool('check', 'config', 'prometheus.yml')).toMatch(/SUCCESS: prometheus\.yml is valid/);
  });

  it('loads the alert rules', async () => {
    expect(await promtool('check', 'rules', 'alerts.yml')).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('passes the unit tests of every alert', async () => {
    expect(await promtool('test', 'rules', 'alerts.test.yml')).toContain('SUCCESS');
  });
});

describe('alert rules and their tests', () => {
  interface Rule {
    alert?: string;
  }
  interface AlertTests {
    tests: { alert_rule_test?: { alertname: string; exp_alerts?: unknown[] }[] }[];
  }

  it('tests every alert, both firing and quiet', async () => {
    const rules = parse(await readFile(path.join(dir, 'alerts.yml'), 'utf8')) as { groups: { rules: Rule[] }[] };
    const alerts = rules.groups.flatMap((g) => g.rules.flatMap((r) => (r.alert ? [r.alert] : [])));
    expect(alerts.sort()).toEqual(
      [
        'DependencyNotReady',
        'EventBusBacklogGrowing',
        'HighErrorRate',
        'HighLatencyP99',
        'ReminderDispatchLagHigh',
        'ServiceDown',
      ].sort(),
    );
    const tests = parse(await readFile(path.join(dir, 'alerts.test.yml'), 'utf8')) as AlertTests;
    const cases = tests.tests.flatMap((t) => t.alert_rule_test ?? []);
    for (const alert of alerts) {
      const mine = cases.filter((c) => c.alertname === alert);
      expect(
        mine.some((c) => c.exp_alerts?.length),
        `${alert} is tested firing`,
      ).toBe(true);
      expect(
        mine.some((c) => !c.exp_alerts?.length),
        `${alert} is tested quiet`,
      ).toBe(true);
    }
  });
});

describe('scrape configuration', () => {
  interface ScrapeConfig {
    job_name: string;
    dns_sd_configs?: { names: string[]; port: number }[];
  }

  it('scrapes every instance of the router and of each subgraph on the METRICS_PORT compose gives them', async () => {
    const config = parse(await readFile(path.join(dir, 'prometheus.yml'), 'utf8')) as {
      scrape_configs: ScrapeConfig[];
    };
    const compose = parse(await readFile(path.join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
      services: Record<string, { environment?: Record<string, string> }>;
    };
    for (const service of ['router', ...subgraphs().map((s) => s.name)]) {
      const job = config.scrape_configs.find((c) => c.job_name === service);
      const port = Number(compose.services[service]?.environment?.METRICS_PORT);
      expect(port, `${service} has a METRICS_PORT in compose`).toBeGreaterThan(0);
      expect(compose.services[service]?.environment?.METRICS_HOST, service).toBe('0.0.0.0');
      // DNS discovery of the service name finds every replica, where a static target would find one.
      expect(job?.dns_sd_configs, `${service} is scraped`).toEqual([{ names: [service], type: 'A', port }]);
    }
  });
});
