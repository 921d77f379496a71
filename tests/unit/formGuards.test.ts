import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkFormToken, createFormToken, loadFormSecret } from '#src/forms/formToken.ts';
import { clientKey, createRateLimiter } from '#src/forms/formRateLimit.ts';
import { trustedProxyHops } from '#src/forms/clientAddress.ts';
import { formBodyLimit, isAllowedOrigin, isFormContentType } from '#src/forms/formRequestGuard.ts';
import { parseFormBody, readBodyWithLimit } from '#src/forms/readFormBody.ts';

const secret = 'test-secret-0123456789';
const limits = { minFillMs: 3000, maxAgeMs: 24 * 60 * 60 * 1000 };

describe('the signed form token', () => {
  const servedAt = 1_800_000_000_000;

  it('passes once the minimum fill time has gone by', () => {
    expect(checkFormToken(createFormToken(secret, servedAt), secret, { ...limits, now: servedAt + 3000 })).toBe('ok');
  });

  it('is "tooFast" when the form comes back sooner than a person can fill it in', () => {
    expect(checkFormToken(createFormToken(secret, servedAt), secret, { ...limits, now: servedAt + 500 })).toBe('tooFast');
  });

  it('cannot be backdated by a bot: changing the time breaks the signature', () => {
    const [, mac] = createFormToken(secret, servedAt).split('.');
    const forged = `${(servedAt - 60_000).toString(36)}.${mac}`;
    expect(checkFormToken(forged, secret, { ...limits, now: servedAt + 5000 })).toBe('invalid');
    expect(checkFormToken(createFormToken('another-secret-xxxx', servedAt - 60_000), secret, { ...limits, now: servedAt })).toBe('invalid');
  });

  it('is "invalid" when missing or still the static placeholder', () => {
    expect(checkFormToken('', secret, limits)).toBe('invalid');
    expect(checkFormToken('__INTEREST_FORM_TOKEN__', secret, limits)).toBe('invalid');
  });

  it('expires after a day', () => {
    expect(checkFormToken(createFormToken(secret, servedAt), secret, { ...limits, now: servedAt + limits.maxAgeMs + 1 })).toBe('expired');
  });

  it('keeps a generated secret in the data directory, readable only by its owner', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'secret-'));
    const first = loadFormSecret(dir, {});
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(loadFormSecret(dir, {})).toBe(first);
    expect(statSync(path.join(dir, 'form-secret')).mode & 0o777).toBe(0o600);
    expect(loadFormSecret(dir, { FORM_SECRET: 'from-the-environment' })).toBe('from-the-environment');
  });

  it('replaces an empty or short form-secret file with a strong one, logging that but never the secret', () => {
    for (const weak of ['', '\n', 'short-secret']) {
      const dir = mkdtempSync(path.join(tmpdir(), 'secret-'));
      writeFileSync(path.join(dir, 'form-secret'), weak);
      const logged: string[] = [];
      const warn = vi.spyOn(console, 'warn').mockImplementation((line: string) => void logged.push(line));
      const secret = loadFormSecret(dir, {});
      warn.mockRestore();
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      expect(readFileSync(path.join(dir, 'form-secret'), 'utf8')).toBe(secret);
      expect(statSync(path.join(dir, 'form-secret')).mode & 0o777).toBe(0o600);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(/form-secret was (empty|too short); replaced/);
      expect(logged[0]).not.toContain(secret);
      // The token a forger signs with the weak key is refused.
      const now = Date.now();
      expect(checkFormToken(createFormToken(weak.trim(), now - 10_000), secret, { ...limits, now })).toBe('invalid');
    }
  });

  it('never accepts a token checked against an empty or short key', () => {
    const now = Date.now();
    expect(checkFormToken(createFormToken('', now - 10_000), '', { ...limits, now })).toBe('invalid');
    expect(checkFormToken(createFormToken('abc', now - 10_000), 'abc', { ...limits, now })).toBe('invalid');
  });
});

describe('clientKey()', () => {
  it('ignores X-Forwarded-For when no proxy is trusted, so a spoofed header changes nothing', () => {
    expect(clientKey({ remoteAddress: '203.0.113.9', forwardedFor: '198.51.100.1' })).toBe('203.0.113.9');
  });

  it('with one trusted proxy, takes the address that proxy appended, not one the client sent', () => {
    expect(clientKey({ remoteAddress: '127.0.0.1', forwardedFor: '6.6.6.6, 203.0.113.9', trustProxyHops: 1 })).toBe('203.0.113.9');
  });

  it('counts an IPv6 client by its /64', () => {
    expect(clientKey({ remoteAddress: '2001:db8:1:2:aaaa::1' })).toBe('2001:0db8:0001:0002::/64');
    expect(clientKey({ remoteAddress: '2001:db8:1:2:bbbb::7' })).toBe('2001:0db8:0001:0002::/64');
    expect(clientKey({ remoteAddress: '::ffff:192.0.2.4' })).toBe('192.0.2.4');
  });

  it('reads TRUST_PROXY as a number of hops', () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops('false')).toBe(0);
    expect(trustedProxyHops('true')).toBe(1);
    expect(trustedProxyHops('2')).toBe(2);
  });
});

describe('createRateLimiter()', () => {
  it('allows `max` attempts per window per client, then asks to wait', () => {
    const limiter = createRateLimiter({ max: 3, windowMs: 60_000 });
    const t0 = 1_000_000;
    expect([1, 2, 3].map((i) => limiter.hit('a', t0 + i).allowed)).toEqual([true, true, true]);
    expect(limiter.hit('a', t0 + 10)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.hit('b', t0 + 10).allowed).toBe(true);
    expect(limiter.hit('a', t0 + 60_002).allowed).toBe(true);
  });

  it('keeps memory bounded under a flood of addresses', () => {
    const limiter = createRateLimiter({ max: 1, windowMs: 60_000, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) limiter.hit(`10.0.${i >> 8}.${i & 255}`, 5);
    expect(limiter.size()).toBeLessThanOrEqual(100);
  });
});

describe('request checks', () => {
  it('accepts only form content types', () => {
    expect(isFormContentType('application/x-www-form-urlencoded')).toBe(true);
    expect(isFormContentType('multipart/form-data; boundary=x')).toBe(true);
    expect(isFormContentType('application/json')).toBe(false);
    expect(isFormContentType('text/plain')).toBe(false);
    expect(isFormContentType(null)).toBe(false);
  });

  it('accepts the Origin of the host itself or the configured site, nothing else', () => {
    const host = '127.0.0.1:4412';
    expect(isAllowedOrigin({ origin: 'http://127.0.0.1:4412', host })).toBe(true);
    expect(isAllowedOrigin({ origin: 'https://aabendoer.dk', host: 'internal:8080', allowedOrigins: ['https://aabendoer.dk/'] })).toBe(
      true,
    );
    expect(isAllowedOrigin({ origin: 'https://evil.example', host, allowedOrigins: ['https://aabendoer.dk'] })).toBe(false);
    expect(isAllowedOrigin({ origin: null, host })).toBe(false);
  });

  it('accepts Origin "null" (sent under Referrer-Policy: no-referrer) only with Sec-Fetch-Site: same-origin', () => {
    const host = '127.0.0.1:4412';
    expect(isAllowedOrigin({ origin: 'null', host, secFetchSite: 'same-origin' })).toBe(true);
    expect(isAllowedOrigin({ origin: 'null', host, secFetchSite: 'cross-site' })).toBe(false);
    expect(isAllowedOrigin({ origin: 'null', host })).toBe(false);
    expect(isAllowedOrigin({ origin: null, host, secFetchSite: 'same-origin' })).toBe(false);
  });

  it('compares scheme, host and port: http://host posting to an https://host site is refused', () => {
    const host = 'aabendoer.dk';
    expect(isAllowedOrigin({ origin: 'http://aabendoer.dk', host, scheme: 'https:', allowedOrigins: ['https://aabendoer.dk'] })).toBe(
      false,
    );
    expect(isAllowedOrigin({ origin: 'https://aabendoer.dk', host, scheme: 'https:', allowedOrigins: ['https://aabendoer.dk'] })).toBe(
      true,
    );
    expect(isAllowedOrigin({ origin: 'https://aabendoer.dk:8443', host, scheme: 'https:', allowedOrigins: ['https://aabendoer.dk'] })).toBe(
      false,
    );
    expect(isAllowedOrigin({ origin: 'https://127.0.0.1:4412', host: '127.0.0.1:4412' })).toBe(false);
  });

  it('refuses a matching Origin when the browser says the post is cross-site', () => {
    expect(isAllowedOrigin({ origin: 'http://127.0.0.1:4412', host: '127.0.0.1:4412', secFetchSite: 'cross-site' })).toBe(false);
  });

  it('stops reading a body past the limit, even without a Content-Length', async () => {
    const big = new Request('http://x/', {
      method: 'POST',
      body: new ReadableStream({
        pull(c) {
          c.enqueue(new Uint8Array(4096));
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(await readBodyWithLimit(big)).toEqual({ ok: false });
    const small = new Request('http://x/', { method: 'POST', body: 'a=1' });
    const read = await readBodyWithLimit(small);
    expect(read.ok && new TextDecoder().decode(read.bytes)).toBe('a=1');
    expect(formBodyLimit).toBe(16384);
  });

  it('parses a URL-encoded body exactly as Response.formData() does, without a Response', async () => {
    const bytes = (...parts: (string | number[])[]) =>
      Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
    const bodies = [
      bytes('lang=ar&name=%D9%81%D8%A7%D8%B7%D9%85%D8%A9&phone=20+12+34+56&activity=a&activity=b'),
      // A BOM, broken UTF-8 (raw and percent-encoded), bad escapes, empty names and values, "=" in a value.
      bytes([0xef, 0xbb, 0xbf], 'name=x&', [0xff, 0xfe], '=1&n%FFame=%C3&%zz=%&=v&k&&a=b=c&+plus+=%2B'),
      bytes('name=\u202Eexe&x=\0&line=a%0D%0Ab'),
      bytes(''),
    ];
    const types = [
      'application/x-www-form-urlencoded',
      'Application/X-WWW-Form-URLEncoded; charset=ISO-8859-1',
      ' application/x-www-form-urlencoded\t;charset=utf-8',
    ];
    for (const body of bodies) {
      for (const type of types) {
        const expected = [...(await new Response(body, { headers: { 'content-type': type } }).formData()).entries()];
        expect(await parseFormBody(new Uint8Array(body), type), `${type}: ${body.toString('latin1')}`).toEqual(expected);
      }
    }
  });

  it('leaves multipart and unusual content types to Response.formData() itself', async () => {
    const form = new FormData();
    form.append('name', 'فاطمة');
    form.append('activity', 'a');
    form.append('activity', 'b');
    const request = new Request('http://x/', { method: 'POST', body: form });
    const type = request.headers.get('content-type')!;
    const body = new Uint8Array(await request.arrayBuffer());
    expect(await parseFormBody(body, type)).toEqual([
      ['name', 'فاطمة'],
      ['activity', 'a'],
      ['activity', 'b'],
    ]);
    // Fetch reads the last of comma-separated types: a multipart type here, and a body that is not one.
    await expect(
      parseFormBody(new TextEncoder().encode('a=1'), 'application/x-www-form-urlencoded, multipart/form-data; boundary=x'),
    ).rejects.toThrow();
  });
});
