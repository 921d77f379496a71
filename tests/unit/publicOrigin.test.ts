import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { insecureOriginProblem, publicOrigin } from '#src/site/publicOrigin.ts';
import { strictTransportSecurity, transportSecurityHeaders } from '#src/server/securityHeaders.ts';
import { interestSettings } from '#src/interest/interestSettings.ts';

const site = { siteUrl: 'https://aabendoer.example.dk/', retentionDays: 180 };

describe('publicOrigin()', () => {
  it('is PUBLIC_ORIGIN, else the site URL, as an origin', () => {
    expect(publicOrigin(site, {})).toBe('https://aabendoer.example.dk');
    expect(publicOrigin(site, { PUBLIC_ORIGIN: 'https://aaben.test:8443/inbox/' })).toBe('https://aaben.test:8443');
  });

  it('is the origin the forms accept (not the site URL once PUBLIC_ORIGIN is set)', () => {
    expect(interestSettings(site, { PUBLIC_ORIGIN: 'https://aaben.test:8443' }).allowedOrigins).toEqual(['https://aaben.test:8443']);
    expect(interestSettings(site, {}).allowedOrigins).toEqual(['https://aabendoer.example.dk']);
  });
});

describe('insecureOriginProblem()', () => {
  it('lets https and localhost through', () => {
    for (const origin of ['https://aabendoer.example.dk', 'http://localhost:4321', 'http://127.0.0.1:4321', 'http://[::1]:4321']) {
      expect(insecureOriginProblem(origin, {}), origin).toBeUndefined();
    }
  });

  it('refuses plain http on a real name, unless a test says ALLOW_INSECURE_ORIGIN=1', () => {
    expect(insecureOriginProblem('http://aabendoer.example.dk', {})).toMatch(/not https/);
    expect(insecureOriginProblem('http://192.168.1.20:4321', {})).toMatch(/not https/);
    expect(insecureOriginProblem('http://aabendoer.example.dk', { ALLOW_INSECURE_ORIGIN: '1' })).toBeUndefined();
  });

  it('stops the server before it listens', () => {
    const run = spawnSync(process.execPath, ['src/server/server.ts'], {
      env: { ...process.env, PUBLIC_ORIGIN: 'http://aabendoer.example.dk', PORT: '0', DATA_DIR: '/nonexistent/never-created' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/PUBLIC_ORIGIN http:\/\/aabendoer\.example\.dk is not https:\/\//);
    expect(run.stdout).not.toMatch(/running at/);
  });
});

describe('transportSecurityHeaders()', () => {
  it('sends HSTS for at least a year when the site is published over https, and none over http', () => {
    expect(transportSecurityHeaders('https://aabendoer.example.dk')).toEqual({ 'Strict-Transport-Security': strictTransportSecurity });
    expect(Number(/max-age=(\d+)/.exec(strictTransportSecurity)![1])).toBeGreaterThanOrEqual(365 * 24 * 60 * 60);
    expect(transportSecurityHeaders('http://localhost:4321')).toEqual({});
  });
});
