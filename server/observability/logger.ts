import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** The structured log: JSON lines on stdout, one object per event. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'sway' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/** What every log line written while serving a request carries. */
export interface RequestScope {
  requestId: string;
  log: Logger;
}

const scope = new AsyncLocalStorage<RequestScope>();

/** Runs fn with this request's id and logger reachable from anywhere below it (error formatting, services). */
export function withRequestScope<T>(value: RequestScope, fn: () => T): T {
  return scope.run(value, fn);
}

export function currentRequest(): RequestScope | undefined {
  return scope.getStore();
}

const INCOMING_ID = /^[\w.:-]{1,128}$/;

/** The caller's X-Request-Id when it is a sane token (a proxy's id joins the logs up), else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && INCOMING_ID.test(given) ? given : randomUUID();
}
