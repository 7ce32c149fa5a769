import http from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  latenciesMs: number[];
}

/** POSTs one GraphQL body over keep-alive connections, `concurrency` at a time, for `seconds`. */
export async function postLoad(port: number, body: string, concurrency: number, seconds: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const deadline = performance.now() + seconds * 1000;
  const latenciesMs: number[] = [];
  let errors = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      const ok = await postOnce(agent, port, body, headers);
      latenciesMs.push(performance.now() - started);
      if (!ok) errors++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: latenciesMs.length, errors, seconds: elapsed, perSecond: latenciesMs.length / elapsed, latenciesMs };
}

/** Sends `count` requests one after another; returns each latency in ms. `headers` go with each (e.g. authorization). */
export async function sequentialLatencies(port: number, body: string, count: number, headers: Record<string, string> = {}): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    if (!(await postOnce(agent, port, body, headers))) throw new Error('request failed during the latency run');
    out.push(performance.now() - started);
  }
  agent.destroy();
  return out;
}

function postOnce(agent: http.Agent, port: number, body: string, headers: Record<string, string> = {}): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(res.statusCode === 200 && !Buffer.concat(chunks).includes('"errors"')));
      },
    );
    req.on('error', () => resolve(false));
    req.end(body);
  });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
