import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest request body accepted; a full ingest batch of 1,000 items fits with room. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Apollo Server on node:http without a framework: measured here, the express integration costs
 * about a third of the throughput, and we need nothing from it.
 */
export function graphqlHandler<TContext extends BaseContext>(apollo: ApolloServer<TContext>, makeContext: (headers: HeaderMap) => Promise<TContext>) {
  return async (req: IncomingMessage, res: ServerResponse, search: string): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      const text = await readBody(req, MAX_BODY_BYTES).catch((err: Error) => err);
      if (text instanceof Error) return sendJsonError(res, 413, 'BAD_REQUEST', text.message);
      try {
        body = text.length ? JSON.parse(text) : undefined;
      } catch {
        return sendJsonError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
      }
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
      context: () => makeContext(headers),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') return void res.end(response.body.string);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`The request body is over ${limit / 1024 / 1024} MB.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJsonError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
