import { Role } from '@sway/shared/roles';

/**
 * What each role sees in the console: one table, read by the authProvider's canAccess (menus,
 * routes and buttons follow it). The server enforces its own rules; this only keeps people from
 * being shown what they cannot use. "list"/"show" read, "edit"/"create"/"delete" write.
 */
type Action = 'list' | 'show' | 'edit' | 'create' | 'delete' | 'export';

const READERS = [Role.ADMIN, Role.ANALYST] as const;
const EVERYONE = [Role.ADMIN, Role.ANALYST, Role.BRAND_MANAGER, Role.INFLUENCER] as const;

export const CONSOLE_ACCESS: Readonly<Record<string, Partial<Record<Action, readonly Role[]>>>> = {
  // Influencers: analysts explore them, brand managers pick them for campaigns.
  people: { list: [Role.ADMIN, Role.ANALYST, Role.BRAND_MANAGER], show: EVERYONE, export: READERS },
  accounts: { list: READERS, show: EVERYONE },
  content: { list: READERS, show: EVERYONE },
  interactions: { list: READERS, show: READERS },
  topics: { list: EVERYONE, show: EVERYONE },
  // Campaigns arrive with the campaigns API: brand managers run them, analysts only read them.
  campaigns: { list: [Role.ADMIN, Role.ANALYST, Role.BRAND_MANAGER], show: [Role.ADMIN, Role.ANALYST, Role.BRAND_MANAGER], edit: [Role.ADMIN, Role.BRAND_MANAGER], create: [Role.ADMIN, Role.BRAND_MANAGER] },
  // Filtering people by region or language (personal details): the API answers FORBIDDEN to other roles.
  personalDetailFilters: { list: [Role.ADMIN] },
  // Authenticity flags (evidence, review): the API shows them to ADMINs and ANALYSTs only; the person sees only the figure.
  authenticityFlags: { list: READERS, show: READERS, edit: READERS },
  // Pages that are not resources.
  dashboard: { list: EVERYONE },
  explorer: { list: READERS },
};

export function roleCan(role: Role | null | undefined, resource: string, action: string): boolean {
  if (!role) return false;
  const roles = CONSOLE_ACCESS[resource]?.[action as Action];
  return roles ? roles.includes(role) : false;
}
