/**
 * A passkey authenticator in software (ES256, "none" attestation), for unit tests of the WebAuthn
 * checks without a browser: it answers a registration or a sign-in challenge the way a phone does,
 * and each answer can be bent one way (another origin, no user verification, an older counter) to
 * prove the server refuses exactly that.
 */
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { isoCBOR } from '@simplewebauthn/server/helpers';

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest();

/** Flag bits of authenticator data: user present, user verified, attested credential data. */
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

export interface Bend {
  /** The origin the browser would write into clientDataJSON. */
  origin?: string;
  /** The RP ID whose hash goes into the authenticator data. */
  rpId?: string;
  /** false: the authenticator says the user was present but not verified. */
  userVerified?: boolean;
  /** The signature counter to report (default: one more than last time). */
  counter?: number;
}

export function softAuthenticator(defaults: { origin: string; rpId: string }) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const credentialId = randomBytes(16);
  let counter = 0;

  const clientData = (type: string, challenge: string, origin: string) =>
    Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));

  const authData = (bend: Bend, flags: number, count: number, attested?: Uint8Array) => {
    const head = Buffer.alloc(37);
    sha256(bend.rpId ?? defaults.rpId).copy(head, 0);
    head[32] = flags | (bend.userVerified === false ? 0 : UV);
    head.writeUInt32BE(count, 33);
    return attested ? Buffer.concat([head, attested]) : head;
  };

  return {
    credentialId: b64url(credentialId),

    /** Answers a registration challenge (navigator.credentials.create). */
    register(challenge: string, bend: Bend = {}): RegistrationResponseJSON {
      const cose = isoCBOR.encode(
        new Map<number, number | Uint8Array>([
          [1, 2], // kty: EC2
          [3, -7], // alg: ES256
          [-1, 1], // crv: P-256
          [-2, Buffer.from(jwk.x!, 'base64url')],
          [-3, Buffer.from(jwk.y!, 'base64url')],
        ]),
      );
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(credentialId.length);
      const attested = Buffer.concat([Buffer.alloc(16), idLength, credentialId, cose]);
      const attestationObject = isoCBOR.encode(
        new Map<string, string | Uint8Array | Map<string, string>>([
          ['fmt', 'none'],
          ['attStmt', new Map<string, string>()],
          ['authData', authData(bend, UP | AT, bend.counter ?? 0, attested)],
        ]),
      );
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: 'public-key',
        response: {
          clientDataJSON: b64url(clientData('webauthn.create', challenge, bend.origin ?? defaults.origin)),
          attestationObject: b64url(attestationObject),
          transports: ['internal'],
        },
        clientExtensionResults: {},
      };
    },

    /** Answers a sign-in challenge (navigator.credentials.get), signed with the passkey's key. */
    assert(challenge: string, bend: Bend = {}): AuthenticationResponseJSON {
      counter = bend.counter ?? counter + 1;
      const data = authData(bend, UP, counter);
      const client = clientData('webauthn.get', challenge, bend.origin ?? defaults.origin);
      const signature = sign('sha256', Buffer.concat([data, sha256(client)]), privateKey);
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: 'public-key',
        response: {
          clientDataJSON: b64url(client),
          authenticatorData: b64url(data),
          signature: b64url(signature),
        },
        clientExtensionResults: {},
      };
    },
  };
}
