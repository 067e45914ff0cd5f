import { describe, expect, it } from 'vitest';
import { webhookUrlProblem } from './webhook-url.js';

describe('webhook URL policy', () => {
  it('accepts public https URLs everywhere', () => {
    expect(webhookUrlProblem('https://hooks.example.com/bloomzy?x=1', false)).toBeNull();
  });

  it('refuses internal targets and plain http in production', () => {
    for (const url of [
      'http://hooks.example.com/',
      'https://localhost/hook',
      'https://127.0.0.1/hook',
      'https://10.1.2.3/',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/',
      'https://[fd00::1]/',
      'https://[::ffff:192.168.1.1]/',
      'https://db.internal/',
    ]) {
      expect(webhookUrlProblem(url, false), url).not.toBeNull();
    }
  });

  it('allows local receivers outside production (development, tests)', () => {
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', true)).toBeNull();
  });

  it('refuses non-URLs, other schemes and embedded credentials always', () => {
    expect(webhookUrlProblem('not a url', true)).toMatch(/absolute URL/);
    expect(webhookUrlProblem('ftp://example.com/', true)).toMatch(/https/);
    expect(webhookUrlProblem('https://user:pw@example.com/', true)).toMatch(/password/);
  });

  it('names the address form it refuses, whatever notation the URL used', () => {
    expect(webhookUrlProblem('https://[::127.0.0.1]/', false)).toBe(
      'must point to a public internet address (::7f00:1 is an IPv4-compatible address (embeds 127.0.0.1))',
    );
    expect(webhookUrlProblem('https://2130706433/', false)).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(webhookUrlProblem('https://[64:ff9b::a9fe:a9fe]/', false)).toMatch(
      /NAT64 address \(embeds 169\.254\.169\.254\)/,
    );
    expect(webhookUrlProblem('https://[2002:c0a8:101::1]/', false)).toMatch(/6to4 address \(embeds 192\.168\.1\.1\)/);
    expect(webhookUrlProblem('https://[2606:4700::1111]/hook', false)).toBeNull();
    expect(webhookUrlProblem('https://1.1.1.1/hook', false)).toBeNull();
  });
});
