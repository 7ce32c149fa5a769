import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest request body accepted by default; a full ingest batch of 1,000 items fits with room. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Apollo Server on node:http without a framework: measured here, the express integration costs
 * about a third of the throughput, and we need nothing from it.
 */
export function graphqlHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  makeContext: (headers: HeaderMap, req: IncomingMessage) => Promise<TContext>,
  options: { maxBodyBytes?: number; onBodyTooLarge?: () => void } = {},
) {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  return async (req: IncomingMessage, res: ServerResponse, search: string): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      const declared = Number(req.headers['content-length']);
      // Refused before reading a byte when the client says how big it is.
      if (declared > maxBodyBytes) {
        options.onBodyTooLarge?.();
        res.setHeader('connection', 'close');
        return sendJsonError(res, 413, 'BAD_REQUEST', `The request body is over ${formatBytes(maxBodyBytes)}.`);
      }
      const text = await readBody(req, maxBodyBytes).catch((err: Error) => err);
      if (text instanceof Error) {
        options.onBodyTooLarge?.();
        res.setHeader('connection', 'close');
        return sendJsonError(res, 413, 'BAD_REQUEST', text.message);
      }
      try {
        body = text.length ? JSON.parse(text) : undefined;
      } catch {
        return sendJsonError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
      }
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
      context: () => makeContext(headers, req),
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
        reject(new Error(`The request body is over ${formatBytes(limit)}.`));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MB` : `${+(n / 1024).toFixed(1)} kB`;
}

export function sendJsonError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
