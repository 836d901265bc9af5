/**
 * TCP listeners on loopback for scanner tests: a port that accepts (and says one line), a port
 * from a list whose nmap service name is known, and a port that is closed.
 */
import { createServer, type Server } from 'node:net';

export interface TestListener {
  host: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on host:port (0 = any free port); fails with EADDRINUSE when the port is taken. */
export function listenTcp(host = '127.0.0.1', port = 0, banner = 'hello\r\n'): Promise<TestListener> {
  return new Promise((resolve, reject) => {
    const server: Server = createServer((socket) => {
      socket.on('error', () => undefined); // scanners reset connections
      socket.end(banner);
    });
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const bound = server.address();
      resolve({
        host,
        port: typeof bound === 'object' && bound ? bound.port : port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** Ports whose name in nmap's services table (Debian bookworm, nmap 7.93) is known and that are among its most common. */
export const NAMED_PORTS: readonly { port: number; service: string }[] = [
  { port: 8080, service: 'http-proxy' },
  { port: 8000, service: 'http-alt' },
  { port: 8443, service: 'https-alt' },
  { port: 8008, service: 'http' },
  { port: 8888, service: 'sun-answerbook' },
];

/** The first free port of NAMED_PORTS, listening. */
export async function listenOnNamedPort(host = '127.0.0.1'): Promise<TestListener & { service: string }> {
  for (const { port, service } of NAMED_PORTS) {
    try {
      return { ...(await listenTcp(host, port)), service };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    }
  }
  throw new Error(`all of ${NAMED_PORTS.map((p) => p.port).join(', ')} are in use on ${host}`);
}

/** A port nothing listens on (bound once to find a free one, then closed). */
export async function closedPort(host = '127.0.0.1'): Promise<number> {
  const l = await listenTcp(host);
  await l.close();
  return l.port;
}
