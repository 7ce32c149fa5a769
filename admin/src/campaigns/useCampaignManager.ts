import { usePermissions } from 'react-admin';
import type { Role } from '@sway/shared/roles';
import { roleCan } from '../auth/permissions';

/**
 * Whether the viewer runs campaigns (edit rights in auth/permissions.ts): status buttons and claims.
 * Read from the role (getPermissions) rather than useCanAccess: a record-less useCanAccess on the
 * edit page shares react-admin's own ['auth', 'canAccess', { resource, action: 'edit' }] query key,
 * and while a disabled observer holds that key the Edit page waits on it forever.
 */
export function useCampaignManager(): boolean {
  const { permissions } = usePermissions<Role>();
  return roleCan(permissions, 'campaigns', 'edit');
}
