import { ApolloLink, Observable } from '@apollo/client';

/** What the API answers when a request is wrong (HTTP 400): GraphQL errors with a message each. */
interface ServerErrorLike {
  name: 'ServerError';
  statusCode: number;
  result?: { errors?: { message?: string }[] } | string;
}

function isServerError(error: unknown): error is ServerErrorLike {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ServerError';
}

/** An Error that keeps the HTTP status, which ra-data-graphql hands on to react-admin. */
class ApiError extends Error {
  constructor(
    message: string,
    readonly statusCode?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Apollo reports a rejected request as "Response not successful: Received status code 400" and
 * an unreachable server as "Failed to fetch". This link replaces those with the server's own
 * messages ("filter.region: …") or a sentence that says what to check, so react-admin's
 * notifications are readable.
 */
export function toReadableError(error: unknown): unknown {
  if (isServerError(error)) {
    const messages = typeof error.result === 'object' ? (error.result.errors ?? []).map((e) => e.message).filter(Boolean) : [];
    const text = messages.length ? messages.join('; ') : `The API answered HTTP ${error.statusCode}`;
    return new ApiError(text, error.statusCode);
  }
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) {
    return new ApiError(`Cannot reach the Sway API at /graphql (${error.message}). Is the server running?`);
  }
  return error;
}

export const readableErrorsLink = new ApolloLink(
  (operation, forward) =>
    new Observable((observer) => {
      const subscription = forward(operation).subscribe({
        next: (result) => observer.next(result),
        error: (error: unknown) => observer.error(toReadableError(error)),
        complete: () => observer.complete(),
      });
      return () => subscription.unsubscribe();
    }),
);

/** A GraphQL error as the server formats it (server/api/error-formatting.ts). */
interface ServerGraphQLError {
  message: string;
  extensions?: { code?: string; field?: string; errors?: { field: string; message: string }[] };
}

/** The GraphQL errors inside whatever ra-data-graphql or Apollo threw. */
export function graphQLErrorsOf(error: unknown): ServerGraphQLError[] {
  const e = error as { graphQLErrors?: ServerGraphQLError[]; body?: { graphQLErrors?: ServerGraphQLError[] } } | null;
  return e?.graphQLErrors ?? e?.body?.graphQLErrors ?? [];
}

/**
 * The input field a BAD_USER_INPUT error names, relative to the input object the console sent:
 * "filter.search" → "search", "input.targeting.scoreMin" → "targeting.scoreMin".
 */
export function fieldErrorsOf(error: unknown, prefixes: readonly string[] = ['filter', 'input']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of graphQLErrorsOf(error)) {
    if (e.extensions?.code !== 'BAD_USER_INPUT') continue;
    const list = e.extensions.errors?.length ? e.extensions.errors : e.extensions.field ? [{ field: e.extensions.field, message: e.message }] : [];
    for (const { field, message } of list) {
      const parts = field.split('.');
      const relative = parts.length > 1 && prefixes.includes(parts[0]) ? parts.slice(1).join('.') : field;
      // The message repeats the field ("filter.search: …"); on the field itself the reason is enough.
      out[relative] ??= message.replace(new RegExp(`^${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\s*`), '');
    }
  }
  return out;
}
