import { HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ValidationError as ClassValidatorError } from 'class-validator';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { currentRequest } from '../observability/logger';
import { DomainError, ValidationError, type FieldError } from '../services/errors';

/** Codes whose message is about the request and safe to show as is. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export type ErrorLogger = (error: unknown) => void;

/**
 * The one place that turns errors into what clients see: a code in extensions.code, the field at
 * fault in extensions.field (and every bad field in extensions.errors), never a stack trace.
 * Anything unexpected becomes INTERNAL_SERVER_ERROR with a generic message and is logged here.
 */
export function createErrorFormatter(log: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = domainCause(error) ?? unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof ValidationError) {
      return { ...base, message: original.message, extensions: { ...original.details, code: original.code, field: original.field, errors: original.errors } };
    }
    if (original instanceof DomainError) {
      const field = (original as { field?: string }).field;
      return { ...base, message: original.message, extensions: { ...original.details, code: original.code, ...(field ? { field } : {}) } };
    }
    if (original instanceof ArgumentValidationError) {
      const errors = flattenValidation(original.extensions.validationErrors);
      return {
        ...base,
        message: errors.length ? `${errors[0].field}: ${errors[0].message}` : 'Invalid argument',
        extensions: { code: 'BAD_USER_INPUT', field: errors[0]?.field, errors },
      };
    }
    const code = String(formatted.extensions?.code ?? '');
    if (CLIENT_CODES.has(code)) {
      const field = fieldFromMessage(formatted.message);
      const limit = formatted.extensions?.limit;
      return { ...base, extensions: { code, ...(field ? { field } : {}), ...(limit ? { limit } : {}) } };
    }
    // The request id joins what the client sees to the log line that has the details.
    const requestId = currentRequest()?.requestId;
    log(original);
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) } };
  };
}

/** A domain error inside a GraphQLError that has no path: one raised before execution (context creation). */
function domainCause(error: unknown): DomainError | undefined {
  return error instanceof GraphQLError && error.originalError instanceof DomainError ? error.originalError : undefined;
}

/** HTTP status of a request refused as a whole (before execution) with each domain code. */
const REQUEST_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404, RATE_LIMITED: 429, MAX_COST_EXCEEDED: 400 };

/**
 * What to throw when building a request's context fails: a domain error (a bad token) becomes a
 * GraphQLError carrying its HTTP status, which the formatter above shows with the domain code;
 * anything else is left alone and answered as INTERNAL_SERVER_ERROR.
 */
export function asRequestError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const status = REQUEST_STATUS[error.code] ?? 400;
  const headers = new HeaderMap(status === 401 ? [['www-authenticate', 'Bearer']] : []);
  const retryAfter = error.details?.retryAfterSeconds;
  if (typeof retryAfter === 'number') headers.set('retry-after', String(retryAfter));
  return new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status, headers } } });
}

/** class-validator errors, nested ones included, as dotted field paths under their argument. */
function flattenValidation(errors: ClassValidatorError[], prefix?: string): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const at = prefix ?? argumentPrefix(e.target);
    const field = `${at}${e.property}`;
    for (const message of Object.values(e.constraints ?? {})) out.push({ field, message });
    if (e.children?.length) out.push(...flattenValidation(e.children, `${field}.`));
  }
  return out;
}

/** Our input classes follow a naming rule, so the argument they arrive in is known. */
function argumentPrefix(target: object | undefined): string {
  const name = target?.constructor?.name ?? '';
  if (name.endsWith('FilterInput')) return 'filter.';
  if (name.endsWith('OrderInput')) return 'orderBy.';
  if (name.endsWith('Input')) return 'input.';
  return '';
}

/** The argument or variable path graphql-js names in a coercion or validation message. */
function fieldFromMessage(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message);
  if (at) return at[1].replace(/^\$?/, '');
  const variable = /Variable "\$([\w]+)"/.exec(message);
  if (variable) return variable[1];
  const argument = /[Aa]rgument "([\w.]+)"/.exec(message);
  if (argument) return argument[1].replace(/^[\w]+\./, '');
  const field = /[Ff]ield "([\w.]+)"/.exec(message);
  return field?.[1];
}
