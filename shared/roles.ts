/**
 * What a user of Sway is. A later issue gives each role its full set of rights; for now:
 * ADMIN runs the platform (rescoring, users), ANALYST and BRAND_MANAGER read it, INFLUENCER is
 * a person scored by Sway who logs in to see themselves and give +K.
 */
export enum Role {
  ADMIN = 'ADMIN',
  ANALYST = 'ANALYST',
  BRAND_MANAGER = 'BRAND_MANAGER',
  INFLUENCER = 'INFLUENCER',
}

export const ROLES: readonly Role[] = Object.values(Role);
