import { describe, expect, it } from 'vitest';
import { clientIpFrom } from '@/lib/security/client-ip';

const headers = (values: Record<string, string>) => new Headers(values);

describe('clientIpFrom', () => {
  it('takes the address Next or the one proxy in front wrote, not what the visitor sent', () => {
    expect(clientIpFrom(headers({ 'x-forwarded-for': '203.0.113.9' }), 1)).toBe('203.0.113.9');
    expect(clientIpFrom(headers({ 'x-forwarded-for': '1.2.3.4, 203.0.113.9' }), 1)).toBe(
      '203.0.113.9',
    );
  });

  it('counts back past each trusted proxy', () => {
    const chain = headers({ 'x-forwarded-for': '1.2.3.4, 203.0.113.9, 10.0.0.2' });
    expect(clientIpFrom(chain, 2)).toBe('203.0.113.9');
    expect(clientIpFrom(chain, 3)).toBe('1.2.3.4');
    expect(clientIpFrom(chain, 5)).toBe('1.2.3.4');
  });

  it('falls back to X-Real-IP, then to a shared bucket', () => {
    expect(clientIpFrom(headers({ 'x-real-ip': '198.51.100.7' }), 1)).toBe('198.51.100.7');
    expect(clientIpFrom(headers({ 'x-forwarded-for': ' , ' }), 1)).toBe('unknown');
    expect(clientIpFrom(headers({}), 1)).toBe('unknown');
  });
});
