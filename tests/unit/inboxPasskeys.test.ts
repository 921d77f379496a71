/**
 * The WebAuthn checks of src/inbox/passkeys.ts against a software authenticator: each case first
 * shows the honest answer passing, then the same answer bent one way being refused.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authenticationOptions, registrationOptions, verifyAuthentication, verifyRegistration } from '#src/inbox/passkeys.ts';
import { inboxSettings } from '#src/inbox/inboxSettings.ts';
import type { StoredPasskey } from '#src/store/passkeys.ts';
import type { StaffMember } from '#src/store/staff.ts';
import { softAuthenticator } from '../helpers/softAuthenticator.ts';

const settings = inboxSettings({ siteUrl: 'https://aabendoer.example.dk', name: 'Åben Dør', retentionDays: 180 }, {});
const staff: StaffMember = {
  id: 7,
  name: 'Maryam',
  email: null,
  role: 'staff',
  coordinator: false,
  notices: true,
  lang: 'da',
  webauthnUserId: 'user-7',
  createdAt: '2026-11-30T08:00:00Z',
  revokedAt: null,
  passkeys: 0,
};

describe('passkey checks (src/inbox/passkeys.ts)', () => {
  let authenticator: ReturnType<typeof softAuthenticator>;
  let passkey: StoredPasskey;

  /** A fresh sign-in challenge and the authenticator's answer to it. */
  const signIn = async (bend: Parameters<typeof authenticator.assert>[1] = {}) =>
    authenticator.assert((await authenticationOptions(settings)).challenge, bend);

  beforeEach(async () => {
    authenticator = softAuthenticator({ origin: settings.origin, rpId: settings.rpId });
    const options = await registrationOptions(settings, staff, []);
    const stored = await verifyRegistration(settings, staff, authenticator.register(options.challenge));
    expect(stored).toMatchObject({ id: authenticator.credentialId, staffId: 7, counter: 0 });
    passkey = stored!;
  });

  afterEach(() => vi.useRealTimers());

  it('accepts an honest sign-in and returns the new counter', async () => {
    expect(await verifyAuthentication(settings, passkey, await signIn())).toBe(1);
  });

  it('refuses a replayed assertion: a challenge is used once', async () => {
    const answer = await signIn();
    expect(await verifyAuthentication(settings, passkey, answer)).toBe(1);
    // The same answer again, against the same stored counter: only the used-up challenge stops it.
    expect(await verifyAuthentication(settings, passkey, answer)).toBeUndefined();
  });

  it('refuses an expired challenge (older than 5 minutes)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T10:00:00Z'));
    const inTime = await signIn();
    vi.setSystemTime(new Date('2026-11-30T10:04:59Z'));
    expect(await verifyAuthentication(settings, passkey, inTime)).toBe(1);

    vi.setSystemTime(new Date('2026-11-30T10:10:00Z'));
    const late = await signIn({ counter: 2 });
    vi.setSystemTime(new Date('2026-11-30T10:15:01Z'));
    expect(await verifyAuthentication(settings, passkey, late)).toBeUndefined();
  });

  it('refuses a registration or confirmation challenge used for sign-in, and a sign-in challenge used to confirm', async () => {
    const registration = await registrationOptions(settings, staff, [passkey]);
    expect(await verifyAuthentication(settings, passkey, authenticator.assert(registration.challenge))).toBeUndefined();
    const confirm = await authenticationOptions(settings, { id: staff.id, passkeys: [passkey] });
    expect(await verifyAuthentication(settings, passkey, authenticator.assert(confirm.challenge, { counter: 5 }))).toBeUndefined();
    expect(await verifyAuthentication(settings, passkey, await signIn({ counter: 6 }), `confirm:${staff.id}`)).toBeUndefined();
    // Someone else's confirmation challenge does not confirm hers either.
    const other = await authenticationOptions(settings, { id: 8, passkeys: [passkey] });
    expect(
      await verifyAuthentication(settings, passkey, authenticator.assert(other.challenge, { counter: 7 }), `confirm:${staff.id}`),
    ).toBe(undefined);
    // Used for what it was issued for, a confirmation passes.
    const honest = await authenticationOptions(settings, { id: staff.id, passkeys: [passkey] });
    expect(
      await verifyAuthentication(settings, passkey, authenticator.assert(honest.challenge, { counter: 8 }), `confirm:${staff.id}`),
    ).toBe(8);
  });

  it('refuses an answer made for another origin or another RP ID', async () => {
    expect(
      await verifyAuthentication(settings, passkey, await signIn({ origin: 'https://aabendoer.example.dk.evil.example' })),
    ).toBeUndefined();
    expect(
      await verifyAuthentication(settings, passkey, await signIn({ origin: 'http://aabendoer.example.dk', counter: 2 })),
    ).toBeUndefined();
    expect(await verifyAuthentication(settings, passkey, await signIn({ rpId: 'evil.example', counter: 3 }))).toBeUndefined();
    const registration = await registrationOptions(settings, staff, []);
    expect(
      await verifyRegistration(
        settings,
        staff,
        softAuthenticator({ origin: 'https://evil.example', rpId: settings.rpId }).register(registration.challenge),
      ),
    ).toBeUndefined();
  });

  it('refuses an answer without user verification (present is not enough)', async () => {
    expect(await verifyAuthentication(settings, passkey, await signIn({ userVerified: false }))).toBeUndefined();
    const registration = await registrationOptions(settings, staff, []);
    expect(
      await verifyRegistration(settings, staff, softAuthenticator(settings).register(registration.challenge, { userVerified: false })),
    ).toBeUndefined();
  });

  it('refuses a counter that goes backwards or stands still (a cloned passkey)', async () => {
    const used = { ...passkey, counter: 10 };
    expect(await verifyAuthentication(settings, used, await signIn({ counter: 5 }))).toBeUndefined();
    expect(await verifyAuthentication(settings, used, await signIn({ counter: 10 }))).toBeUndefined();
    expect(await verifyAuthentication(settings, used, await signIn({ counter: 11 }))).toBe(11);
  });

  it('refuses an assertion signed by another key for the same credential id', async () => {
    const impostor = softAuthenticator({ origin: settings.origin, rpId: settings.rpId });
    const answer = impostor.assert((await authenticationOptions(settings)).challenge);
    expect(await verifyAuthentication(settings, passkey, { ...answer, id: passkey.id, rawId: passkey.id })).toBeUndefined();
  });
});
