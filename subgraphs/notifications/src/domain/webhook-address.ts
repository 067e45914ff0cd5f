/**
 * Which IP addresses a webhook may connect to in production: public unicast only. A webhook lets any user make this
 * service send HTTP requests, so it must not reach loopback, private, link-local or unique-local addresses (cloud
 * metadata at 169.254.169.254, internal services), nor any IPv6 form that carries an IPv4 address to a host or
 * translator of the network's choosing: IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64
 * (64:ff9b::/96, 64:ff9b:1::/48), 6to4 (2002::/16) and Teredo. Those are refused whatever IPv4 they embed: the
 * translator or relay on the way decides where the packet really goes, so the embedded address proves nothing.
 *
 * An allow-list (public unicast, and for IPv6 only global unicast 2000::/3) rather than a list of bad ranges, so an
 * unusual form we did not think of is refused, not let through. Ranges come from ipaddr.js.
 */
import ipaddr from 'ipaddr.js';

/** ipaddr.js range names, as a reader of the delivery log understands them. */
const RANGE_NAMES: Record<string, string> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade NAT',
  private: 'private',
  reserved: 'reserved',
  uniqueLocal: 'unique-local',
  ipv4Mapped: 'IPv4-mapped',
  rfc6145: 'IPv4-translated',
  rfc6052: 'NAT64',
  '6to4': '6to4',
  teredo: 'Teredo',
  deprecatedSiteLocal: 'site-local',
};

const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');
/** ::a.b.c.d as getaddrinfo prints IPv4-compatible addresses (ipaddr.js would read it as IPv4-mapped). */
const COMPATIBLE_DOTTED = /^::(\d{1,3}(?:\.\d{1,3}){3})$/;

const refused = (range: string, embedded?: string) => {
  const name = RANGE_NAMES[range] ?? range;
  const article = /^(?:[aeio]|uns|IPv)/.test(name) ? 'an' : 'a';
  return `is ${article} ${name} address${embedded ? ` (embeds ${embedded})` : ''}`;
};

/** The IPv4 address in the low 32 bits of an IPv6 address (how mapped, compatible and NAT64 forms carry it). */
const low32 = (ip: ipaddr.IPv6) => {
  const [, , , , , , high = 0, low = 0] = ip.parts;
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
};

/** Why a webhook may not connect to `address` (an IP literal, brackets allowed), or null when it may. */
export function addressProblem(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '');
  const compatible = COMPATIBLE_DOTTED.exec(bare)?.[1];
  if (compatible) return refused('IPv4-compatible', compatible);
  if (!ipaddr.isValid(bare)) return 'is not an IP address';
  const ip = ipaddr.parse(bare);
  if (ip.kind() === 'ipv4') {
    const range = ip.range();
    return range === 'unicast' ? null : refused(range);
  }
  const v6 = ip as ipaddr.IPv6;
  const range = v6.range();
  if (range === 'unicast' && v6.parts.slice(0, 6).every((part) => part === 0)) {
    return refused('IPv4-compatible', low32(v6));
  }
  if (range === '6to4') {
    const [, high = 0, low = 0] = v6.parts;
    return refused(range, `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  if (range === 'ipv4Mapped' || range === 'rfc6052' || range === 'rfc6145') return refused(range, low32(v6));
  if (range !== 'unicast') return refused(range);
  return v6.match(GLOBAL_UNICAST) ? null : 'is not a global unicast address';
}
