/**
 * Domain errors: what went wrong, in the service's words. server/api/error-formatting.ts is
 * the one place that turns them into GraphQL error codes.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** One invalid value: the path of the field at fault and why. */
export interface FieldError {
  field: string;
  message: string;
}

export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly errors: FieldError[]) {
    super(errors.length === 1 ? `${errors[0].field}: ${errors[0].message}` : `${errors.length} invalid fields; first: ${errors[0].field}: ${errors[0].message}`);
  }
  get field(): string {
    return this.errors[0].field;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(readonly what: string, readonly field?: string) {
    super(`${what} not found`);
  }
}
