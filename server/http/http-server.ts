import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGraphQLContext, viewerOfRequest, type GraphQLContext } from '../api/context';
import { asRequestError, createErrorFormatter, type ErrorLogger } from '../api/error-formatting';
import { buildGraphQLSchema } from '../api/schema';
import type { Database } from '../db/database';
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
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * One HTTP server for everything: /graphql (API), /admin/ (console), /explorer (offline
 * GraphiQL), /export/people.csv (CSV of a whole people list), /healthz. Browsers that open
 * /graphql are sent to the explorer.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildGraphQLSchema(),
    formatError: createErrorFormatter(options.logError ?? ((e) => console.error('[graphql]', e))),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  const handleGraphql = graphqlHandler(apollo, async (headers) => {
    const viewer = await viewerOfRequest(options.db, options.services, headers).catch((err: unknown) => {
      throw asRequestError(err);
    });
    return createGraphQLContext(options.db, options.services, viewer);
  });
  const exportPeople = peopleCsvHandler(apollo, async (req) => {
    const viewer = await viewerOfRequest(options.db, options.services, { get: (name) => req.headers[name.toLowerCase()]?.toString() }).catch((err: unknown) => {
      throw asRequestError(err);
    });
    return createGraphQLContext(options.db, options.services, viewer);
  });
  const serveAdmin = serveStatic(options.adminDist, '/admin/');
  const serveExplorer = serveStatic(options.adminDist, '/explorer/', 'explorer.html');

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = url.pathname;
    const fail = (err: unknown) => {
      (options.logError ?? console.error)(err);
      if (!res.headersSent) sendJsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.end();
    };
    try {
      if (route === '/graphql') {
        if (req.method === 'GET' && !url.search && (req.headers.accept ?? '').includes('text/html')) return redirect(res, '/explorer/');
        return void handleGraphql(req, res, url.search).catch(fail);
      }
      if (route === '/export/people.csv') return void exportPeople(req, res, url).catch(fail);
      if (route === '/healthz') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ ok: true }));
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
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await apollo.stop();
    },
  };
}

function redirect(res: http.ServerResponse, location: string): void {
  res.writeHead(302, { location });
  res.end();
}

