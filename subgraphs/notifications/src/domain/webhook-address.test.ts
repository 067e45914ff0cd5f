import { describe, expect, it } from 'vitest';
import { addressProblem } from './webhook-address.js';

describe('webhook address policy', () => {
  it('allows public unicast IPv4 and global unicast IPv6', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '93.184.216.34', '2606:4700::1111', '2a00:1450:4001:82a::200e']) {
      expect(addressProblem(address), address).toBeNull();
    }
  });

  it.each([
    ['0.0.0.0', 'is an unspecified address'],
    ['127.0.0.1', 'is a loopback address'],
    ['10.1.2.3', 'is a private address'],
    ['172.20.0.1', 'is a private address'],
    ['192.168.0.10', 'is a private address'],
    ['169.254.169.254', 'is a link-local address'],
    ['100.64.0.1', 'is a carrier-grade NAT address'],
    ['224.0.0.1', 'is a multicast address'],
    ['255.255.255.255', 'is a broadcast address'],
    ['240.0.0.1', 'is a reserved address'],
    ['192.0.2.1', 'is a reserved address'],
  ])('refuses IPv4 %s: %s', (address, problem) => {
    expect(addressProblem(address)).toBe(problem);
  });

  it.each([
    ['::', 'is an unspecified address'],
    ['::1', 'is a loopback address'],
    ['[::1]', 'is a loopback address'],
    ['fe80::1', 'is a link-local address'],
    ['fc00::1', 'is a unique-local address'],
    ['fd12:3456::1', 'is a unique-local address'],
    ['fec0::1', 'is a site-local address'],
    ['ff02::1', 'is a multicast address'],
    // IPv4-mapped, as URLs (hex) and resolvers (dotted) write it; refused even around a public IPv4.
    ['::ffff:7f00:1', 'is an IPv4-mapped address (embeds 127.0.0.1)'],
    ['::ffff:192.168.1.1', 'is an IPv4-mapped address (embeds 192.168.1.1)'],
    ['::ffff:8.8.8.8', 'is an IPv4-mapped address (embeds 8.8.8.8)'],
    // IPv4-compatible (deprecated, still routed to the IPv4 host by some stacks), hex and dotted.
    ['::7f00:1', 'is an IPv4-compatible address (embeds 127.0.0.1)'],
    ['::a9fe:a9fe', 'is an IPv4-compatible address (embeds 169.254.169.254)'],
    ['::127.0.0.1', 'is an IPv4-compatible address (embeds 127.0.0.1)'],
    // NAT64: the well-known prefix and the local-use one; the translator decides where it goes.
    ['64:ff9b::a9fe:a9fe', 'is a NAT64 address (embeds 169.254.169.254)'],
    ['64:ff9b::808:808', 'is a NAT64 address (embeds 8.8.8.8)'],
    ['64:ff9b:1::a00:1', 'is a NAT64 address (embeds 10.0.0.1)'],
    // 6to4 carries the IPv4 in bits 16–47.
    ['2002:c0a8:101::1', 'is a 6to4 address (embeds 192.168.1.1)'],
    ['2002:7f00:1::', 'is a 6to4 address (embeds 127.0.0.1)'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'is a Teredo address'],
    ['::ffff:0:a00:1', 'is an IPv4-translated address (embeds 10.0.0.1)'],
    ['2001:db8::1', 'is a reserved address'],
    ['100::1', 'is a discard address'],
  ])('refuses IPv6 %s: %s', (address, problem) => {
    expect(addressProblem(address)).toBe(problem);
  });

  it('refuses anything outside global unicast and anything that is not an address', () => {
    expect(addressProblem('4000::1')).toBe('is not a global unicast address');
    expect(addressProblem('example.com')).toBe('is not an IP address');
  });
});
