import { describe, expect, it } from 'vitest';
import { contentSecurityPolicyFor, headersFile, securityHeadersFor } from '#src/config/securityHeaders.ts';

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
});
