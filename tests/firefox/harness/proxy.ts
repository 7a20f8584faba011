/**
 * The network Firefox sees in these tests: one local HTTP proxy (set in Firefox's prefs) that
 * answers every HTTPS request itself. WebDriver BiDi's network interception does not see an
 * extension background's requests, a proxy does, so the build under test talks to the real hosts:
 *
 * - `api.bundle.social` and `api.layers.com`: the contract simulator (faults included);
 * - the catalogs' media hosts: a generated cover, a short WAV for previews;
 * - pages registered with `serve()`, e.g. fixture composers at `https://composer.test/*`;
 * - anything else: 404, and the request is listed in `strays` (Firefox's own services excluded).
 *
 * TLS is ended here with a throwaway self-signed certificate (made with `openssl` once per test
 * process); Firefox accepts it because the session is started with `acceptInsecureCerts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Simulator } from '../../simulator';
import { toneWav } from '../../support/wav';

export interface Answer {
  status?: number;
  type?: string;
  body: string | Buffer;
}

type Responder = (url: URL) => Answer;

const API_HOSTS = new Set(['api.bundle.social', 'api.layers.com']);
const MEDIA_HOST = /(^|\.)tiktokcdn(-us|-eu)?\.com$|^media\.layers\.com$/;
/** Firefox's own background services: answered 404, not counted as strays. */
const FIREFOX_HOST = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)$/;

let certificate: { key: Buffer; cert: Buffer } | null = null;

function selfSigned(): { key: Buffer; cert: Buffer } {
  if (certificate) return certificate;
  const dir = mkdtempSync(path.join(tmpdir(), 'cleartune-ff-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
        '-days',
        '2',
        '-subj',
        '/CN=cleartune-firefox-tests',
      ],
      { stdio: 'ignore' },
    );
    certificate = {
      key: readFileSync(path.join(dir, 'key.pem')),
      cert: readFileSync(path.join(dir, 'cert.pem')),
    };
    return certificate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function coverSvg(url: string): string {
  let hash = 0;
  for (const char of url) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><rect width="96" height="96" fill="hsl(${hash % 360},70%,45%)"/></svg>`;
}

export interface TestProxy {
  readonly port: number;
  /** Answers the provider hosts from `sim` (replacing any simulator set before). */
  useSimulator(sim: Simulator): void;
  /** Answers `url` (exact, or any URL the RegExp matches) with `answer`. */
  serve(url: string | RegExp, answer: Answer | Responder): void;
  /** Preview audio URLs requested, in order. */
  readonly audio: string[];
  /** Requests to hosts nobody serves (a test expects none). */
  readonly strays: string[];
  close(): Promise<void>;
}

/** Reads a request's body (the providers are only ever sent GETs, but the simulator checks). */
function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

export async function startProxy(): Promise<TestProxy> {
  let sim: Simulator | null = null;
  const pages: { match: string | RegExp; answer: Answer | Responder }[] = [];
  const audio: string[] = [];
  const strays: string[] = [];
  const sockets = new Set<Socket>();
  const wav = toneWav(20);

  const send = (res: ServerResponse, answer: Answer, headers: Record<string, string> = {}) => {
    res.writeHead(answer.status ?? 200, {
      'content-type': answer.type ?? 'text/html; charset=utf-8',
      ...headers,
    });
    res.end(answer.body);
  };

  const fromSimulator = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (!sim) return send(res, { status: 502, type: 'text/plain', body: 'no simulator' });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers[name] = value;
    }
    const body = await bodyOf(req);
    const answer = await sim.handle({
      method: req.method ?? 'GET',
      url: url.href,
      headers,
      body: body || null,
    });
    if (answer.fault === 'hang') return; // held until Firefox gives up or the test ends
    // A dropped network: the connection dies without an answer.
    if (answer.fault) return req.socket.destroy();
    res.writeHead(answer.status, { 'access-control-allow-origin': '*', ...answer.headers });
    res.end(answer.body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'unknown'}`);
    if (API_HOSTS.has(url.hostname)) {
      void fromSimulator(req, res, url).catch(() => req.socket.destroy());
      return;
    }
    const page = pages.find(({ match }) =>
      typeof match === 'string' ? match === url.href : match.test(url.href),
    );
    if (page) return send(res, typeof page.answer === 'function' ? page.answer(url) : page.answer);
    if (MEDIA_HOST.test(url.hostname)) {
      if (/\.(mp3|m4a|wav)$/.test(url.pathname) || /preview/.test(url.pathname)) {
        audio.push(url.href);
        return send(res, { type: 'audio/wav', body: wav });
      }
      return send(res, { type: 'image/svg+xml', body: coverSvg(url.href) });
    }
    if (!FIREFOX_HOST.test(url.hostname) && url.pathname !== '/favicon.ico') strays.push(url.href);
    send(res, { status: 404, type: 'text/plain', body: 'not served in this test' });
  };

  const tlsServer = https.createServer(selfSigned(), handle);
  tlsServer.on('tlsClientError', () => {});
  const proxy = http.createServer((req, res) => {
    // Plain-HTTP requests through the proxy carry an absolute URL; none is expected.
    const host = URL.canParse(req.url ?? '') ? new URL(req.url ?? '').hostname : '';
    if (!FIREFOX_HOST.test(host)) strays.push(req.url ?? '');
    send(res, { status: 404, type: 'text/plain', body: 'plain http is not served' });
  });
  proxy.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  proxy.on('connect', (_req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', () => {});
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    tlsServer.emit('connection', socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));

  return {
    port: (proxy.address() as AddressInfo).port,
    useSimulator(next) {
      sim = next;
    },
    serve(match, answer) {
      pages.unshift({ match, answer });
    },
    audio,
    strays,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
