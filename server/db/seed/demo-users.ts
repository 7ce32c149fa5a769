import { Role } from '#shared/roles';
import type { AuthService } from '../../services/auth/auth.service';
import type { RequestContext } from '../../services/request-context';
import { User } from '../../entities';

/** The password of every demo login. Documented in README.md ("Demo logins"); never used in production. */
export const DEMO_PASSWORD = 'sway-demo-password';

/** One login per role. The influencer is linked to a notable person of the demo world. */
export const DEMO_LOGINS: readonly { email: string; role: Role }[] = [
  { email: 'admin@demo.sway', role: Role.ADMIN },
  { email: 'analyst@demo.sway', role: Role.ANALYST },
  { email: 'brand@demo.sway', role: Role.BRAND_MANAGER },
  { email: 'influencer@demo.sway', role: Role.INFLUENCER },
];

/**
 * Creates the demo logins that do not exist yet. `influencerExternalId` is the person the
 * influencer login is (the demo world's first influencer); without one that login is skipped.
 * Returns the emails created.
 */
export async function seedDemoUsers(ctx: RequestContext, auth: AuthService, influencerExternalId: string | undefined): Promise<string[]> {
  const created: string[] = [];
  for (const login of DEMO_LOGINS) {
    if (login.role === Role.INFLUENCER && !influencerExternalId) continue;
    if (await ctx.db.reader.getRepository(User).existsBy({ email: login.email })) continue;
    await auth.createUser(ctx, {
      email: login.email,
      password: DEMO_PASSWORD,
      role: login.role,
      personExternalId: login.role === Role.INFLUENCER ? influencerExternalId : null,
    });
    created.push(login.email);
  }
  return created;
}
