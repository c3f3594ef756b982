import { describe, expect, it } from 'vitest';
import { clientIpFrom, withSocketAddress } from '@/lib/security/client-ip';

const forwarded = (chain: string) => new Headers({ 'x-forwarded-for': chain });

describe('clientIpFrom', () => {
  it('takes the socket’s address when no proxy is trusted, whatever the visitor sent', () => {
    expect(clientIpFrom(forwarded('203.0.113.9'), 0)).toBe('203.0.113.9');
    expect(clientIpFrom(forwarded('1.2.3.4, 5.6.7.8, 203.0.113.9'), 0)).toBe('203.0.113.9');
  });

  it('counts back past each trusted proxy, and never further than the chain', () => {
    // visitor's own claim, the visitor as the proxy saw it, the proxy as the socket saw it
    const chain = forwarded('1.2.3.4, 203.0.113.9, 10.0.0.2');
    expect(clientIpFrom(chain, 1)).toBe('203.0.113.9');
    expect(clientIpFrom(chain, 2)).toBe('1.2.3.4');
    expect(clientIpFrom(chain, 5)).toBe('1.2.3.4');
  });

  it('gives a shared bucket when there is nothing to read', () => {
    expect(clientIpFrom(forwarded(' , '), 0)).toBe('unknown');
    expect(clientIpFrom(new Headers({ 'x-real-ip': '198.51.100.7' }), 0)).toBe('unknown');
  });
});

describe('withSocketAddress', () => {
  it('appends the socket’s address to what arrived, as a proxy does', () => {
    expect(withSocketAddress(undefined, '203.0.113.9')).toBe('203.0.113.9');
    expect(withSocketAddress('1.2.3.4', '::ffff:10.0.0.2')).toBe('1.2.3.4, 10.0.0.2');
    expect(withSocketAddress(['1.2.3.4', '5.6.7.8'], '::1')).toBe('1.2.3.4, 5.6.7.8, ::1');
    expect(withSocketAddress('', undefined)).toBe('unknown');
  });

  it('makes a visitor’s rotating claims count as one address', () => {
    const seen = new Set(
      Array.from({ length: 70 }, (_, n) =>
        clientIpFrom(forwarded(withSocketAddress(`10.0.${n}.1`, '198.51.100.4')), 0),
      ),
    );
    expect([...seen]).toEqual(['198.51.100.4']);
  });
});
