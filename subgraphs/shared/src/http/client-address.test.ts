import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, clientAddress, clientKey } from './client-address.js';

const request = (headers: Record<string, string | string[]>, remoteAddress = '127.0.0.1') =>
  ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it("takes the router's header, else the socket's peer", () => {
    expect(clientAddress(request({ [CLIENT_ADDRESS_HEADER]: '203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientAddress(request({ [CLIENT_ADDRESS_HEADER]: ['2001:db8::1', '203.0.113.7'] }))).toBe('2001:db8::1');
    expect(clientAddress(request({}, '198.51.100.2'))).toBe('198.51.100.2');
  });

  it('ignores a header that is not an IP address', () => {
    expect(clientAddress(request({ [CLIENT_ADDRESS_HEADER]: 'everyone' }, '198.51.100.2'))).toBe('198.51.100.2');
    expect(clientAddress(request({ [CLIENT_ADDRESS_HEADER]: '' }, '198.51.100.2'))).toBe('198.51.100.2');
  });
});

describe('clientKey', () => {
  it('keeps an IPv4 address, also when written IPv4-mapped', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts every address of one IPv6 /64 as one client', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
  });
});
