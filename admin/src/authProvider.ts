import type { ApolloClient } from '@apollo/client';
import type { Role } from '@sway/shared/roles';
import type { AuthProvider } from 'react-admin';
import { roleCan } from './auth/permissions';
import { clearSession, readSession, writeSession } from './auth/session';
import { graphQLErrorsOf } from './api/readableErrors';
import { LOGIN_MUTATION, ME_QUERY, type Me } from './api/swayQueries';

/**
 * react-admin's authProvider over the server's `login` mutation: the token goes to localStorage
 * (auth/session.ts) and from there into every request's `Authorization: Bearer` header. The role
 * comes from `me` (asked once per page load, so a role changed on the server shows after a
 * reload), and canAccess reads auth/permissions.ts, which hides menus, routes and buttons.
 */
/** The console's login page as an absolute URL (react-admin then loads it rather than routing to it). */
function loginUrl(): string {
  return `${window.location.origin}/admin/login`;
}

export function createAuthProvider(client: ApolloClient<unknown>): AuthProvider {
  let me: Promise<Me | null> | null = null;
  const whoAmI = (): Promise<Me | null> => {
    me ??= client
      .query<{ me: Me | null }>({ query: ME_QUERY })
      .then(({ data }) => data.me)
      .catch((error: unknown) => {
        me = null;
        throw error;
      });
    return me;
  };
  const role = async (): Promise<Role | null> => {
    const session = readSession();
    if (!session) return null;
    // When the API cannot be reached, the role given at login keeps the console usable (and able
    // to say what is wrong); a 401 ends the session through checkError.
    const user = await whoAmI().catch(() => undefined);
    return user === undefined ? session.role : (user?.role ?? null);
  };

  return {
    async login({ username, email, password }: { username?: string; email?: string; password: string }) {
      clearSession();
      me = null;
      try {
        const { data } = await client.mutate<{ login: { token: string; expiresAt: string; user: { email: string; role: Role } } }>({
          mutation: LOGIN_MUTATION,
          variables: { email: (email ?? username ?? '').trim(), password },
        });
        const login = data!.login;
        writeSession({ token: login.token, expiresAt: login.expiresAt, email: login.user.email, role: login.user.role });
      } catch (error) {
        const [first] = graphQLErrorsOf(error);
        if (first?.extensions?.code === 'UNAUTHENTICATED') throw new Error('That email and password do not match a Sway login.');
        throw error;
      }
    },
    async logout() {
      clearSession();
      me = null;
      // A full page load of the login page, not a router navigation: under React 19 the router's
      // navigation is a transition, and the pages still mounted (refetching, failing, logging out
      // again) kept interrupting it for seconds. A fresh load also drops every cached record.
      return loginUrl();
    },
    async checkAuth() {
      if (!readSession()) throw Object.assign(new Error('Log in to use the console.'), { redirectTo: loginUrl() });
    },
    async checkError(error: { status?: number; statusCode?: number }) {
      // 401: the token expired or the server was restarted with another secret. 403 is a refusal, not a logout.
      if ((error?.status ?? error?.statusCode) === 401) {
        clearSession();
        me = null;
        throw new Error('Your session has ended: log in again.');
      }
    },
    async getIdentity() {
      const session = readSession();
      if (!session) throw new Error('Not logged in');
      const user = await whoAmI().catch(() => null);
      return { id: session.email, fullName: user?.person?.displayName ?? session.email, email: session.email, role: user?.role ?? session.role };
    },
    async getPermissions() {
      return role();
    },
    async canAccess({ resource, action }: { resource: string; action: string }) {
      return roleCan(await role(), resource, action);
    },
  };
}
