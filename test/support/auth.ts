import type { Role } from '#shared/roles';
import type { User } from '../../server/entities';
import { systemContext } from '../../server/services/request-context';
import type { GraphQLResponse, TestServer } from './server';

/** The password of every user these helpers create. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** A user made directly through the service, as the CLI would. */
export function createTestUser(server: TestServer, user: { email: string; role: Role; personExternalId?: string; password?: string }): Promise<User> {
  return server.app.services.auth.createUser(systemContext(server.app.db, 'test'), { password: TEST_PASSWORD, ...user });
}

export interface HttpGraphQLResponse<T = any> extends GraphQLResponse<T> {
  status: number;
  headers: Headers;
}

/** A GraphQL request with the Authorization header of your choice (a token, or a raw header value). */
export async function gqlWith<T = any>(server: TestServer, auth: { token?: string | null; authorization?: string }, query: string, variables?: Record<string, unknown>): Promise<HttpGraphQLResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.authorization !== undefined) headers.authorization = auth.authorization;
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { ...((await res.json()) as GraphQLResponse<T>), status: res.status, headers: res.headers };
}

/** A GraphQL request as this token's user. */
export function gqlAs<T = any>(server: TestServer, token: string | null, query: string, variables?: Record<string, unknown>): Promise<HttpGraphQLResponse<T>> {
  return gqlWith<T>(server, { token }, query, variables);
}

/** Logs in through the API and returns the token; fails the test if login fails. */
export async function loginAs(server: TestServer, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await server.gql(`mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`, { email, password });
  if (res.errors) throw new Error(`login as ${email} failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}
