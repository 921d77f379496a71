/**
 * WebAuthn with @simplewebauthn/server v14: registration from an invite (and a further passkey
 * when signed in and just confirmed), sign-in with a discoverable passkey (no user name typed),
 * and "confirm with your passkey" inside a session. User verification is required; the origin and
 * RP ID must be ours. Challenges are kept in memory for 5 minutes, used once, and only for what
 * they were issued for (a registration challenge never signs anyone in); the authenticator's
 * counter may not go backwards.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { InboxSettings } from './inboxSettings.ts';
import type { StoredPasskey } from '#src/store/passkeys.ts';
import type { StaffMember } from '#src/store/staff.ts';

const challengeMs = 5 * 60 * 1000;
const maxChallenges = 10_000;

/** Issued challenges: the value, when it expires and what it may be used for. */
const challenges = new Map<string, { expires: number; purpose: string }>();

function remember(challenge: string, purpose: string, now: number) {
  if (challenges.size >= maxChallenges) {
    for (const [key, value] of challenges) if (value.expires <= now) challenges.delete(key);
    // Still full: a flood. Forget the oldest rather than grow.
    for (const key of challenges.keys()) {
      if (challenges.size < maxChallenges) break;
      challenges.delete(key);
    }
  }
  challenges.set(challenge, { expires: now + challengeMs, purpose });
}

/** What a challenge is for: sign-in, or registering / confirming for one person. */
export type ChallengePurpose = 'signin' | `register:${number}` | `confirm:${number}`;

/** True once per issued, unexpired challenge for this purpose. */
function takeChallenge(challenge: string, purpose: string, now = Date.now()): boolean {
  const found = challenges.get(challenge);
  challenges.delete(challenge);
  return !!found && found.expires > now && found.purpose === purpose;
}

export async function registrationOptions(settings: InboxSettings, staff: StaffMember, existing: StoredPasskey[]) {
  const options = await generateRegistrationOptions({
    rpName: settings.rpName,
    rpID: settings.rpId,
    userName: staff.name,
    userDisplayName: staff.name,
    userID: new TextEncoder().encode(staff.webauthnUserId),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  remember(options.challenge, `register:${staff.id}`, Date.now());
  return options;
}

/** The new passkey, or undefined when the answer does not verify. */
export async function verifyRegistration(
  settings: InboxSettings,
  staff: StaffMember,
  response: RegistrationResponseJSON,
): Promise<StoredPasskey | undefined> {
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: (c) => takeChallenge(c, `register:${staff.id}`),
      expectedOrigin: settings.origin,
      expectedRPID: settings.rpId,
      requireUserVerification: true,
    });
    if (!result.verified) return undefined;
    const { credential } = result.registrationInfo;
    return {
      id: credential.id,
      staffId: staff.id,
      publicKey: credential.publicKey,
      counter: credential.counter,
      transports: credential.transports ?? [],
    };
  } catch {
    return undefined;
  }
}

/**
 * A sign-in challenge (any passkey of ours), or with `staff` a confirmation challenge that only
 * her passkeys can answer.
 */
export async function authenticationOptions(settings: InboxSettings, staff?: { id: number; passkeys: StoredPasskey[] }) {
  const options = await generateAuthenticationOptions({
    rpID: settings.rpId,
    userVerification: 'required',
    allowCredentials: staff?.passkeys.map((p) => ({ id: p.id, transports: p.transports as never })),
  });
  remember(options.challenge, staff ? `confirm:${staff.id}` : 'signin', Date.now());
  return options;
}

/** The verified passkey's new counter, or undefined; `purpose` is what the challenge must have been issued for. */
export async function verifyAuthentication(
  settings: InboxSettings,
  passkey: StoredPasskey,
  response: AuthenticationResponseJSON,
  purpose: ChallengePurpose = 'signin',
): Promise<number | undefined> {
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: (c) => takeChallenge(c, purpose),
      expectedOrigin: settings.origin,
      expectedRPID: settings.rpId,
      credential: {
        id: passkey.id,
        publicKey: passkey.publicKey as Uint8Array<ArrayBuffer>,
        counter: passkey.counter,
        transports: passkey.transports as never,
      },
      requireUserVerification: true,
    });
    return result.verified ? result.authenticationInfo.newCounter : undefined;
  } catch {
    return undefined;
  }
}
