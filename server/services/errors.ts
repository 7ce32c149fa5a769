/**
 * Domain errors: what went wrong, in the service's words. server/api/error-formatting.ts is
 * the one place that turns them into GraphQL error codes.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    /** Facts a client may act on, shown in extensions beside the code (e.g. which rule refused). */
    readonly details?: Readonly<Record<string, string | number | boolean>>,
  ) {
    super(message);
  }
}

/** One invalid value: the path of the field at fault and why. */
export interface FieldError {
  field: string;
  message: string;
}

export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly errors: FieldError[], details?: DomainError['details']) {
    super(errors.length === 1 ? `${errors[0].field}: ${errors[0].message}` : `${errors.length} invalid fields; first: ${errors[0].field}: ${errors[0].message}`, details);
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

/** No one is logged in, or the credentials or token are not valid. The message never says which part was wrong. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'log in first') {
    super(message);
  }
}

/** The viewer is known but may not do this. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message: string) {
    super(message);
  }
}

/** The campaign has no unit left. */
export class SoldOutError extends DomainError {
  readonly code = 'SOLD_OUT';
  constructor() {
    super('every unit of this perk has been claimed');
  }
}

/** The viewer's person is not in the campaign's audience now (score, topics, networks, region or authenticity). */
export class NotEligibleError extends DomainError {
  readonly code = 'NOT_ELIGIBLE';
  constructor() {
    super('you are not eligible for this perk');
  }
}

/** The campaign is not ACTIVE, or not within its start and end. */
export class CampaignNotActiveError extends DomainError {
  readonly code = 'CAMPAIGN_NOT_ACTIVE';
  constructor(reason: string) {
    super(`the campaign is not active: ${reason}`);
  }
}

/** One claim per person per campaign. */
export class AlreadyClaimedError extends DomainError {
  readonly code = 'ALREADY_CLAIMED';
  constructor() {
    super('you have already claimed this perk');
  }
}

/** The caller spent their budget of points (or of login attempts): retry after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(message: string, details: { retryAfterSeconds: number } & Record<string, string | number | boolean>) {
    super(message, details);
  }
}

/** One operation would cost more points than any single operation may. */
export class MaxCostExceededError extends DomainError {
  readonly code = 'MAX_COST_EXCEEDED';
  constructor(cost: number, maxCost: number) {
    super(`The operation would cost ${cost.toLocaleString('en')} points; one operation may cost at most ${maxCost.toLocaleString('en')}. Ask for smaller pages (first/last) or fewer nested connections.`, { cost, maxCost });
  }
}
