import { describe, expect, it } from 'vitest';
import { isPrivateAddress, webhookUrlProblem } from './webhook-url.js';

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

  it('classifies addresses', () => {
    expect(isPrivateAddress('192.168.0.10')).toBe(true);
    expect(isPrivateAddress('172.20.0.1')).toBe(true);
    expect(isPrivateAddress('100.64.0.1')).toBe(true);
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('2606:4700::1111')).toBe(false);
  });
});
