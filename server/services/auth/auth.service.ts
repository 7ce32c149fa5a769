import { QueryFailedError, type EntityManager } from 'typeorm';
import { ROLES, Role } from '#shared/roles';
import { Person, User } from '../../entities';
import { UnauthenticatedError, ValidationError, type FieldError } from '../errors';
import { loadByIds } from '../load-by-ids';
import type { RequestContext, Viewer } from '../request-context';
import { DEFAULT_SCRYPT_COST, hashPassword, verifyPassword, type ScryptCost } from './passwords';
import { TokenSigner } from './tokens';

export interface AuthOptions {
  /** HS256 key for login tokens (config AUTH_SECRET). */
  secret: string;
  /** How long a token lasts (config AUTH_TOKEN_TTL). */
  tokenTtlMs: number;
  clock?: () => number;
  passwordCost?: ScryptCost;
}

export interface NewUser {
  email: string;
  password: string;
  role: Role | string;
  /** The person this user is, by row id… */
  personId?: number | null;
  /** …or by the importer's external id. Required one way or the other for INFLUENCER. */
  personExternalId?: string | null;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: User;
}

/** Shortest and longest password accepted; the upper bound keeps hashing cheap to refuse. */
export const PASSWORD_LENGTH = { min: 10, max: 256 } as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const BAD_CREDENTIALS = 'wrong email or password';
const BAD_TOKEN = 'the token is not valid or has expired: log in again';

/** Emails are compared lower-cased and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Users, passwords and login tokens. */
export class AuthService {
  private readonly tokens: TokenSigner;
  private readonly cost: ScryptCost;
  /** A hash to check against when the email is unknown, so both failures take the same time. */
  private decoy: Promise<string> | undefined;

  constructor(options: AuthOptions) {
    this.tokens = new TokenSigner(options.secret, options.tokenTtlMs, options.clock);
    this.cost = options.passwordCost ?? DEFAULT_SCRYPT_COST;
  }

  /** A token for these credentials. A wrong email and a wrong password fail alike: UNAUTHENTICATED, no hint which. */
  async login(ctx: RequestContext, email: string, password: string): Promise<LoginResult> {
    const user = await ctx.db.reader.getRepository(User).findOneBy({ email: normalizeEmail(email).slice(0, 254) });
    const tooLong = password.length > PASSWORD_LENGTH.max;
    const hash = user && !tooLong ? user.passwordHash : await (this.decoy ??= hashPassword('decoy password, never valid', this.cost));
    const matches = await verifyPassword(tooLong ? '' : password, hash);
    if (!matches || !user || tooLong) throw new UnauthenticatedError(BAD_CREDENTIALS);
    return { ...(await this.tokens.sign(user.id)), user };
  }

  /**
   * The viewer a token stands for, read from the database now: a user deleted or demoted since
   * the token was issued is refused or gets their current role. Any bad token → UNAUTHENTICATED.
   */
  async verify(ctx: RequestContext, token: string): Promise<Viewer> {
    const claims = await this.tokens.verify(token);
    const user = claims && (await ctx.db.reader.getRepository(User).findOneBy({ id: claims.userId }));
    if (!user) throw new UnauthenticatedError(BAD_TOKEN);
    return { userId: user.id, role: user.role, personId: user.personId };
  }

  /**
   * Creates a user. For trusted callers only (start-up, CLI, seed): it checks the values, not who
   * asks. Invalid values → BAD_USER_INPUT naming each field (email, password, role, personId or
   * personExternalId), prefixed with `fieldPrefix`.
   */
  async createUser(ctx: RequestContext, input: NewUser, options: { fieldPrefix?: string } = {}): Promise<User> {
    const at = (field: string) => `${options.fieldPrefix ?? ''}${field}`;
    const email = normalizeEmail(input.email ?? '');
    const errors: FieldError[] = [];
    if (email.length > 254 || !EMAIL.test(email)) errors.push({ field: at('email'), message: 'must be an email address, like name@example.org' });
    const password = input.password ?? '';
    if (password.length < PASSWORD_LENGTH.min) errors.push({ field: at('password'), message: `must be at least ${PASSWORD_LENGTH.min} characters` });
    if (password.length > PASSWORD_LENGTH.max) errors.push({ field: at('password'), message: `must be at most ${PASSWORD_LENGTH.max} characters` });
    const role = input.role as Role;
    if (!ROLES.includes(role)) errors.push({ field: at('role'), message: `must be one of ${ROLES.join(', ')}` });
    const hasId = input.personId != null;
    const hasExternal = input.personExternalId != null && input.personExternalId !== '';
    const personField = at(hasId ? 'personId' : 'personExternalId');
    if (hasId && hasExternal) errors.push({ field: at('personId'), message: 'give personId or personExternalId, not both' });
    else if (role === Role.INFLUENCER && !hasId && !hasExternal) errors.push({ field: personField, message: 'an INFLUENCER must be linked to a person' });
    if (errors.length) throw new ValidationError(errors);

    // Hashing takes a while: done before the write lock is taken.
    const passwordHash = await hashPassword(password, this.cost);
    try {
      return await ctx.db.transaction(async (m) => {
        const problems: FieldError[] = [];
        if (await m.getRepository(User).existsBy({ email })) problems.push({ field: at('email'), message: 'is already used by another user' });
        let personId: number | null = null;
        if (hasId || hasExternal) {
          const person = await m.getRepository(Person).findOneBy(hasId ? { id: input.personId! } : { externalId: input.personExternalId! });
          if (!person) problems.push({ field: personField, message: 'names no person' });
          else if (await m.getRepository(User).existsBy({ personId: person.id })) problems.push({ field: personField, message: 'names a person who already has a login' });
          else personId = person.id;
        }
        if (problems.length) throw new ValidationError(problems);
        return insertUser(m, { email, passwordHash, role, personId, createdAt: new Date() });
      });
    } catch (err) {
      // Two creations racing on PostgreSQL: the unique index decides, and the loser hears why.
      if (err instanceof QueryFailedError && /uq_app_user_email|app_user\.email/.test(String(err.message) + String((err as { constraint?: string }).constraint))) {
        throw new ValidationError([{ field: at('email'), message: 'is already used by another user' }]);
      }
      if (err instanceof QueryFailedError && /uq_app_user_person|app_user\.person_id/.test(String(err.message) + String((err as { constraint?: string }).constraint))) {
        throw new ValidationError([{ field: personField, message: 'names a person who already has a login' }]);
      }
      throw err;
    }
  }

  /**
   * The first admin, from config (ADMIN_EMAIL, ADMIN_PASSWORD): created when no ADMIN exists yet,
   * otherwise nothing happens and null is returned.
   */
  async ensureFirstAdmin(ctx: RequestContext, email: string, password: string): Promise<User | null> {
    if (await ctx.db.reader.getRepository(User).existsBy({ role: Role.ADMIN })) return null;
    return this.createUser(ctx, { email, password, role: Role.ADMIN });
  }

  /**
   * Users by id, in order, undefined where there is none or the viewer may not see it: an ADMIN
   * sees everyone, anyone else only themselves (and anonymous no one).
   */
  async visibleUsers(ctx: RequestContext, ids: readonly number[]): Promise<(User | undefined)[]> {
    const viewer = ctx.viewer;
    const allowed = (id: number) => ctx.system || viewer?.role === Role.ADMIN || viewer?.userId === id;
    const wanted = ids.filter(allowed);
    const found = wanted.length ? await loadByIds(ctx.db.reader.getRepository(User), wanted) : [];
    const byId = new Map(found.filter((u): u is User => !!u).map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id));
  }
}

async function insertUser(m: EntityManager, values: Omit<User, 'id' | 'person'>): Promise<User> {
  const repo = m.getRepository(User);
  return repo.save(repo.create(values));
}
