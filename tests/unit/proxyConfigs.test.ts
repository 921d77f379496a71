/** deploy/Caddyfile and deploy/nginx.conf agree with the server on HSTS and forwarding headers (for real: tests/e2e/proxies.spec.ts). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strictTransportSecurity } from '#src/server/securityHeaders.ts';

const caddy = readFileSync('deploy/Caddyfile', 'utf8');
const nginx = readFileSync('deploy/nginx.conf', 'utf8');
const unit = readFileSync('deploy/aaben-doer.service', 'utf8');

describe('the proxy configs', () => {
  it('send the server’s HSTS value, replacing the server’s header rather than adding a second one', () => {
    expect(caddy).toContain(`header >Strict-Transport-Security "${strictTransportSecurity}"`);
    expect(nginx).toContain(`add_header Strict-Transport-Security "${strictTransportSecurity}" always;`);
    expect(nginx).toContain('proxy_hide_header Strict-Transport-Security;');
  });

  it('replace X-Forwarded-For and -Proto (nginx never appends), as TRUST_PROXY=1 in the unit expects', () => {
    expect(nginx).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    expect(nginx).toContain('proxy_set_header X-Forwarded-Proto $scheme;');
    expect(nginx).not.toMatch(/^\s*proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for/m);
    // Caddy replaces both unless told to trust the client: no trusted_proxies.
    expect(caddy).not.toMatch(/^\s*trusted_proxies/m);
    expect(unit).toMatch(/^Environment=.*\bTRUST_PROXY=1\b/m);
  });
});
