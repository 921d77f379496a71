/** Roles (src/inbox/staffRoles.ts) and the mails about her own account (src/inbox/accountMail.ts). */
import { describe, expect, it } from 'vitest';
import { can, type Permission } from '#src/inbox/staffRoles.ts';
import { accountMailText } from '#src/inbox/accountMail.ts';

const coordinatorOnly: Permission[] = ['export', 'exportResults', 'delete', 'manageStaff', 'readAudit'];

describe('can()', () => {
  it('lets staff answer requests and nothing a coordinator does', () => {
    expect(can({ role: 'staff' }, 'answer')).toBe(true);
    for (const p of coordinatorOnly) expect(can({ role: 'staff' }, p), p).toBe(false);
  });

  it('lets a coordinator do everything', () => {
    for (const p of ['answer', ...coordinatorOnly] as Permission[]) expect(can({ role: 'coordinator' }, p), p).toBe(true);
  });
});

describe('accountMailText()', () => {
  const at = new Date('2026-12-03T09:30:00Z');

  it('says a passkey was added, when, and to tell the coordinator, in her language', () => {
    const da = accountMailText('passkeyAdded', { lang: 'da' }, 'https://aabendoer.example.dk', at);
    expect(da.subject).toBe('Ny adgangsnøgle til din konto i indbakken');
    expect(da.text).toContain('03.12.2026, 10.30');
    expect(da.text).toContain('sig det til din koordinator');
    expect(da.text).toContain('https://aabendoer.example.dk/inbox/me/');
    const en = accountMailText('passkeyAdded', { lang: 'en' }, 'https://aabendoer.example.dk', at);
    expect(en.text).toContain('If it was not you, tell your coordinator at once.');
  });

  it('warns of failed attempts without saying what was tried', () => {
    const { subject, text } = accountMailText('failures', { lang: 'da' }, 'https://aabendoer.example.dk', at);
    expect(subject).toBe('Mislykkede forsøg på din konto i indbakken');
    expect(text).toContain('flere mislykkede forsøg');
    expect(text).not.toMatch(/token|henvendelse nr/i);
  });
});
