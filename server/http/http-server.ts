import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGraphQLContext, viewerOfRequest, type GraphQLContext } from '../api/context';
import { asRequestError, createErrorFormatter, type ErrorLogger } from '../api/error-formatting';
import { limitsPlugin } from '../api/limits/limits-plugin';
import { maxAliasesRule, maxDepthRule, maxDirectivesRule } from '../api/limits/shape-rules';
import { buildGraphQLSchema } from '../api/schema';
import type { SharedState } from '../cluster/shared-state';
import type { RequestLimits } from '../config';
import type { Database } from '../db/database';
import { createLogger, requestIdFrom, withRequestScope, currentRequest, type Logger } from '../observability/logger';
import { Metrics } from '../observability/metrics';
import type { Services } from '../services';
import { peopleCsvHandler } from './export/people-csv';
import { graphqlHandler, sendJsonError } from './graphql-handler';
import { serveStatic } from './static-files';

export interface HttpServerOptions {
  db: Database;
  services: Services;
  port: number;
  host: string;
  /** Folder of the built console (admin/dist). */
  adminDist: string;
  logError?: ErrorLogger;
  /** The structured log (pino); a silent one when absent. */
  logger?: Logger;
  metrics?: Metrics;
  /** Budgets shared by the cluster; the GraphQL limits are off without it (benchmarks of the bare stack). */
  state?: SharedState;
  limits?: RequestLimits;
  /** NODE_ENV=production: no field suggestions, introspection for authenticated callers only. */
  production?: boolean;
  /** Client address from X-Forwarded-For. */
  trustProxy?: boolean;
  /** Longest close() waits for requests in flight before cutting connections. */
  shutdownGraceMs?: number;
  /** What /readyz checks besides the server not shutting down: the database, Redis. Names what failed. */
  readiness?: () => Promise<string[]>;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Requests being served now. */
  readonly inFlight: number;
  /**
   * Graceful: stops accepting connections, answers /readyz 503, lets requests in flight finish
   * (up to the grace period), closes idle keep-alive connections, then the rest.
   */
  close(): Promise<void>;
}

/** Routes as metric labels: a fixed set, never the raw path (unbounded cardinality). */
function routeLabel(route: string): string {
  if (route === '/graphql' || route === '/healthz' || route === '/readyz' || route === '/metrics') return route;
  if (route.startsWith('/admin/')) return '/admin';
  if (route.startsWith('/explorer/')) return '/explorer';
  return 'other';
}

/**
 * One HTTP server for everything: /graphql (API), /admin/ (console), /explorer (offline
 * GraphiQL), /export/people.csv (CSV of a whole people list), /healthz, /readyz, /metrics. Browsers
 * that open /graphql are sent to the explorer.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? createLogger('silent');
  const metrics = options.metrics ?? new Metrics({ defaultMetrics: false });
  const limits = options.limits;
  const logError: ErrorLogger =
    options.logError ??
    ((err) => {
      const log = currentRequest()?.log ?? logger;
      log.error({ err }, 'unexpected error');
    });
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildGraphQLSchema(),
    formatError: createErrorFormatter(logError),
    includeStacktraceInErrorResponses: false,
    // No "Did you mean…?" in production: suggestions leak the schema to anonymous callers.
    hideSchemaDetailsFromClientErrors: options.production ?? false,
    // CSRF prevention is on (Apollo's default, stated): GET and simple POSTs need a preflight-forcing header.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT: a graceful shutdown of the whole app, not of Apollo alone.
    stopOnTerminationSignals: false,
    parseOptions: limits ? { maxTokens: limits.maxTokens } : undefined,
    validationRules: limits ? [maxDepthRule(limits.maxDepth), maxAliasesRule(limits.maxAliases), maxDirectivesRule(limits.maxDirectives)] : [],
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ...(limits && options.state ? [limitsPlugin({ limits, state: options.state, metrics, production: options.production ?? false })] : []),
    ],
  });
  await apollo.start();
  const handleGraphql = graphqlHandler(
    apollo,
    async (headers, req) => {
      const viewer = await viewerOfRequest(options.db, options.services, headers).catch((err: unknown) => {
        throw asRequestError(err);
      });
      return createGraphQLContext(options.db, options.services, viewer, { requestId: currentRequest()?.requestId, clientAddress: clientAddress(req, options.trustProxy ?? false) });
    },
    { maxBodyBytes: limits?.maxBodyBytes, onBodyTooLarge: () => metrics.limitRefusals.inc({ limit: 'body' }) },
  );
  const exportPeople = peopleCsvHandler(apollo, async (req) => {
    const viewer = await viewerOfRequest(options.db, options.services, { get: (name) => req.headers[name.toLowerCase()]?.toString() }).catch((err: unknown) => {
      throw asRequestError(err);
    });
    return createGraphQLContext(options.db, options.services, viewer, { requestId: currentRequest()?.requestId, clientAddress: clientAddress(req, options.trustProxy ?? false) });
  });
  const serveAdmin = serveStatic(options.adminDist, '/admin/');
  const serveExplorer = serveStatic(options.adminDist, '/explorer/', 'explorer.html');
  let shuttingDown = false;
  let inFlight = 0;
  let drained: (() => void) | undefined;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = url.pathname;
    const requestId = requestIdFrom(req.headers['x-request-id']);
    const log = logger.child({ requestId });
    const started = process.hrtime.bigint();
    res.setHeader('x-request-id', requestId);
    if (shuttingDown) res.setHeader('connection', 'close');
    inFlight++;
    metrics.inFlight.inc();
    res.once('close', () => {
      inFlight--;
      metrics.inFlight.dec();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpDuration.observe({ route: routeLabel(route), method: req.method ?? 'GET', status: String(res.statusCode) }, seconds);
      if (route !== '/healthz' && route !== '/readyz' && route !== '/metrics') {
        log.info({ method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1e4) / 10 }, 'request');
      }
      if (inFlight === 0) drained?.();
    });
    const fail = (err: unknown) => {
      log.error({ err }, 'request failed');
      if (!res.headersSent) sendJsonError(res, 500, 'INTERNAL_SERVER_ERROR', `Internal server error (request ${requestId})`);
      else res.end();
    };
    withRequestScope({ requestId, log }, () => {
      try {
        if (route === '/graphql') {
          if (req.method === 'GET' && !url.search && (req.headers.accept ?? '').includes('text/html')) return redirect(res, '/explorer/');
          return void handleGraphql(req, res, url.search).catch(fail);
        }
        if (route === '/export/people.csv') return void exportPeople(req, res, url).catch(fail);
        if (route === '/healthz') return json(res, 200, { ok: true });
        if (route === '/readyz') return void ready().then(({ ok, failing }) => json(res, ok ? 200 : 503, { ok, failing }), fail);
        if (route === '/metrics') {
          return void metrics.registry.metrics().then((text) => {
            res.writeHead(200, { 'content-type': metrics.registry.contentType });
            res.end(text);
          }, fail);
        }
        if (route === '/' || route === '/admin') return redirect(res, '/admin/');
        if (route === '/explorer') return redirect(res, '/explorer/');
        if (route.startsWith('/admin/')) return serveAdmin(req, res, route);
        if (route.startsWith('/explorer/')) return serveExplorer(req, res, route);
        sendJsonError(res, 404, 'NOT_FOUND', `Nothing at ${route}. Try /graphql or /admin/.`);
      } catch (err) {
        fail(err);
      }
    });
  });
  server.keepAliveTimeout = 65_000;

  const ready = async (): Promise<{ ok: boolean; failing: string[] }> => {
    if (shuttingDown) return { ok: false, failing: ['shutting down'] };
    const failing = (await options.readiness?.().catch((err: Error) => [err.message])) ?? [];
    return { ok: failing.length === 0, failing };
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    get inFlight() {
      return inFlight;
    },
    close() {
      closing ??= (async () => {
        shuttingDown = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        if (inFlight > 0) {
          const grace = options.shutdownGraceMs ?? 10_000;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, grace);
            drained = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          if (inFlight > 0) logger.warn({ inFlight }, 'shutdown grace period over: cutting the requests still in flight');
        }
        server.closeAllConnections();
        await closed;
        logger.debug('shutdown: connections closed');
        await apollo.stop();
      })();
      return closing;
    },
  };
}

function clientAddress(req: http.IncomingMessage, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function redirect(res: http.ServerResponse, location: string): void {
  res.writeHead(302, { location });
  res.end();
}
