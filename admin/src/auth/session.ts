import type { Role } from '@sway/shared/roles';

/**
 * The login session, kept in localStorage so a reload or a second tab stays logged in: the token
 * the server's `login` mutation returned, when it expires, and who it is for. The console (data
 * provider, CSV export) and the query explorer both send the token as `Authorization: Bearer`.
 */
export interface Session {
  token: string;
  /** ISO instant after which the server refuses the token. */
  expiresAt: string;
  email: string;
  role: Role;
}

const KEY = 'sway.session';

/** localStorage, typed without the DOM library: tests type-check this module under Node's types. */
interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}
const store = (): KeyValueStore => (globalThis as unknown as { localStorage: KeyValueStore }).localStorage;

export function readSession(): Session | null {
  try {
    const raw = store().getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (!session.token || !(Date.parse(session.expiresAt) > Date.now())) {
      store().removeItem(KEY);
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

export function writeSession(session: Session): void {
  store().setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  store().removeItem(KEY);
}

/** Headers that identify the session's user to the API; none when logged out. */
export function authHeaders(): Record<string, string> {
  const session = readSession();
  return session ? { authorization: `Bearer ${session.token}` } : {};
}
