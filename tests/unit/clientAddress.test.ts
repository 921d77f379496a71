import { describe, expect, it } from 'vitest';
import { clientAddress, forwardedEntry, requestScheme, trustedProxyHops } from '#src/forms/clientAddress.ts';
import { clientKey } from '#src/forms/formRateLimit.ts';
import { clientOf } from '#src/inbox/staffAuth.ts';

describe('clientAddress()', () => {
  it('is the TCP peer when no proxy is trusted (the default): a forged X-Forwarded-For changes nothing', () => {
    expect(clientAddress({ remoteAddress: '203.0.113.9', forwardedFor: '198.51.100.1' })).toBe('203.0.113.9');
    expect(clientAddress({ remoteAddress: '203.0.113.9', forwardedFor: '198.51.100.1', trustProxyHops: trustedProxyHops(undefined) })).toBe(
      '203.0.113.9',
    );
  });

  it('with one trusted proxy, is the entry that proxy added, read from the right', () => {
    expect(clientAddress({ remoteAddress: '127.0.0.1', forwardedFor: '6.6.6.6, 203.0.113.9', trustProxyHops: 1 })).toBe('203.0.113.9');
    // A header sent twice is one list.
    expect(clientAddress({ remoteAddress: '127.0.0.1', forwardedFor: ['6.6.6.6', '203.0.113.9'], trustProxyHops: 1 })).toBe('203.0.113.9');
  });

  it('with two trusted proxies, skips the inner one and takes what the outer one saw', () => {
    const chain = '6.6.6.6, 203.0.113.9, 10.0.0.2';
    expect(clientAddress({ remoteAddress: '127.0.0.1', forwardedFor: chain, trustProxyHops: 2 })).toBe('203.0.113.9');
  });

  it('takes the first entry of a chain shorter than the proxies trusted (ours replace the header), and the peer without one', () => {
    expect(forwardedEntry('203.0.113.9', 2)).toBe('203.0.113.9');
    expect(clientAddress({ remoteAddress: '::ffff:127.0.0.1', trustProxyHops: 1 })).toBe('127.0.0.1');
    expect(clientAddress({ remoteAddress: '127.0.0.1', forwardedFor: ' , ', trustProxyHops: 1 })).toBe('127.0.0.1');
  });

  it('is what every limit counts: clientKey() keys on it', () => {
    expect(clientKey({ remoteAddress: '127.0.0.1', forwardedFor: 'forged, 198.51.100.7', trustProxyHops: 1 })).toBe('198.51.100.7');
    expect(clientKey({ remoteAddress: '127.0.0.1', forwardedFor: '2001:db8:1:2::5', trustProxyHops: 1 })).toBe('2001:0db8:0001:0002::/64');
  });
});

describe('clientOf() (the sign-in and invite limits)', () => {
  it('keys on the address the server resolved through the trusted proxy, not on the proxy (Astro’s clientAddress)', async () => {
    expect(await clientOf({ clientAddress: '198.51.100.7' } as App.Locals, '127.0.0.1')).toBe('198.51.100.7');
    expect(await clientOf({ clientAddress: '2001:db8:1:2::9' } as App.Locals, '127.0.0.1')).toBe('2001:0db8:0001:0002::/64');
    // Under `astro dev` (no server of ours) Astro's own address is the fallback.
    expect(await clientOf({} as App.Locals, '::ffff:127.0.0.1')).toBe('127.0.0.1');
  });
});

describe('requestScheme()', () => {
  it('believes X-Forwarded-Proto only from a trusted proxy, read from the right', () => {
    expect(requestScheme({ host: 'x', forwardedProto: 'https', trustProxyHops: 0 })).toBe('http:');
    expect(requestScheme({ host: 'x', forwardedProto: 'https', trustProxyHops: 1 })).toBe('https:');
    expect(requestScheme({ host: 'x', forwardedProto: 'https, http', trustProxyHops: 1 })).toBe('http:');
  });

  it('is the published scheme for a request addressed to PUBLIC_ORIGIN, else http', () => {
    const publicOrigins = ['https://aabendoer.example.dk'];
    expect(requestScheme({ host: 'aabendoer.example.dk', publicOrigins })).toBe('https:');
    expect(requestScheme({ host: 'AABENDOER.example.dk', publicOrigins })).toBe('https:');
    expect(requestScheme({ host: '127.0.0.1:4321', publicOrigins })).toBe('http:');
    expect(requestScheme({ host: null, publicOrigins })).toBe('http:');
  });
});
