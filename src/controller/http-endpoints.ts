import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EndpointServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A tiny HTTP server for operational endpoints (/metrics, /healthz). Binds loopback unless an
 * address is given, like every Vane server.
 */
export async function serveEndpoints(
  port: number,
  host: string,
  routes: Record<string, () => Promise<{ status: number; contentType: string; body: string }>>,
): Promise<EndpointServer> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = routes[path];
    if (!route || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found\n');
      return;
    }
    route().then(
      (r) => {
        res.writeHead(r.status, { 'Content-Type': r.contentType });
        res.end(req.method === 'HEAD' ? undefined : r.body);
      },
      (err: unknown) => {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(`${err instanceof Error ? err.message : String(err)}\n`);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
