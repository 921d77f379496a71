import { describe, expect, it } from 'vitest';
import { contentSecurityPolicyFor, headersFile, headersForPath, securityHeadersFor } from '#src/server/securityHeaders.ts';

describe('security headers for the interest form', () => {
  it('let the form post only to this site by default, with no inline script or style', () => {
    const csp = contentSecurityPolicyFor();
    expect(csp).toContain("form-action 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('allow exactly the external endpoint when site.config.ts points the form at one (static hosting)', () => {
    const headers = securityHeadersFor({ formAction: 'https://forms.example.eu/aabendoer/submit' });
    expect(headers['Content-Security-Policy']).toContain("form-action 'self' https://forms.example.eu;");
    expect(headersFile({ formAction: 'https://forms.example.eu/x' })).toContain("form-action 'self' https://forms.example.eu;");
  });

  it('keep nosniff, no-referrer and a Permissions-Policy in both', () => {
    const headers = securityHeadersFor();
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(headers['Permissions-Policy']).toMatch(/camera=\(\)/);
  });

  it('give pages every header, scripts their CSP and nosniff, and other subresources nosniff only', () => {
    const all = securityHeadersFor();
    for (const page of [
      '/da/',
      '/ar/interest/',
      '/no-such-page',
      '/api/interest/',
      '/sitemap-index.xml',
      '/da/calendar.ics',
      '/logo.svg',
    ]) {
      expect(headersForPath(page, all)).toBe(all);
    }
    expect(headersForPath('/_astro/site-Ab12.js', all)).toEqual({
      'Content-Security-Policy': all['Content-Security-Policy'],
      'X-Content-Type-Options': 'nosniff',
    });
    for (const asset of [
      '/_astro/global.Cx1.css',
      '/_astro/naskh.D2.woff2',
      '/_astro/amina.E3.avif',
      '/voice/a1b2.m4a',
      '/pagefind/index/da_1.pf_index',
    ]) {
      expect(headersForPath(asset, all)).toEqual({ 'X-Content-Type-Options': 'nosniff' });
    }
  });
});
