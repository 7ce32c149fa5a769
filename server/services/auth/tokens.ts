import { errors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'sway';
const AUDIENCE = 'sway-api';
const ALGORITHM = 'HS256';

/** What a token says: who, and until when. The role is read from the database on every request. */
export interface TokenClaims {
  userId: number;
  expiresAt: Date;
}

/** Signed, expiring login tokens (JWT, HS256). */
export class TokenSigner {
  private readonly key: Uint8Array;

  constructor(secret: string, private readonly ttlMs: number, private readonly clock: () => number = Date.now) {
    this.key = new TextEncoder().encode(secret);
  }

  async sign(userId: number): Promise<{ token: string; expiresAt: Date }> {
    const now = this.clock();
    const expiresAt = new Date(now + this.ttlMs);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(String(userId))
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** The claims of a valid token; null when it is malformed, tampered with, signed by another secret or expired. */
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['sub', 'exp'],
        currentDate: new Date(this.clock()),
      });
      const userId = Number(payload.sub);
      if (!Number.isSafeInteger(userId) || userId < 1) return null;
      return { userId, expiresAt: new Date(payload.exp! * 1000) };
    } catch (err) {
      if (err instanceof errors.JOSEError) return null;
      throw err;
    }
  }
}
