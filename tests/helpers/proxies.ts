/**
 * The site behind the proxies IT installs, for the browser tests: the production server, then
 * Caddy or nginx in front of it over real TLS, run from deploy/Caddyfile and deploy/nginx.conf
 * themselves with only ports, paths and the domain substituted, so the tests prove the shipped
 * files. The server runs as the unit runs it: TRUST_PROXY=1 and PUBLIC_ORIGIN the https address.
 * Chromium reaches https://aaben.test:<port> through a host-resolver rule and trusts the proxy's
 * certificate by its public key; requests from Node trust the proxy's CA and can come from
 * another loopback address (127.0.0.2, …), so the proxy sees several clients.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import type { Browser, Page } from '@playwright/test';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { startOwnServer, type OwnServer } from './interestServer.ts';
import { waitForScriptsOnNavigation } from './test.ts';

/** The site's name in these tests; Chromium maps it to 127.0.0.1, Node connects to 127.0.0.1 and says it. */
export const siteHost = 'aaben.test';

export const proxyNames = ['caddy', 'nginx'] as const;
export type ProxyName = (typeof proxyNames)[number];

export interface ProxyRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The client's own address (any of 127.0.0.0/8); the proxy sees the request come from it. */
  localAddress?: string;
  /** Plain http:// to the proxy's port 80 stand-in instead of https://. */
  plain?: boolean;
}

export interface ProxyResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Every header line as sent, name then value (a header sent twice shows twice). */
  rawHeaders: string[];
  body: Buffer;
}

export interface ProxiedSite {
  proxy: ProxyName;
  /** https://aaben.test:<port>: what a visitor opens, and the server's PUBLIC_ORIGIN. */
  origin: string;
  /** http://aaben.test:<port>: the proxy's plain-http port (80 in production). */
  httpOrigin: string;
  /** The server behind the proxy right now (replaced by restartServer). */
  server(): OwnServer;
  /** PEM of the CA that signed the proxy's certificate (Caddy's local root; nginx's self-signed one). */
  ca: string;
  /** Chromium flags: resolve aaben.test to 127.0.0.1 and accept the proxy's certificate by its SPKI. */
  chromiumFlags: readonly string[];
  /** One request to the proxy from Node, certificate checked against `ca`. */
  request(pathname: string, options?: ProxyRequestOptions): Promise<ProxyResponse>;
  /** The system Chromium with chromiumFlags. */
  launchBrowser(): Promise<Browser>;
  /** Stops the server; `startServer` brings it back on the same port and data directory. */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  /** Everything the proxy wrote (its log), for a failing test's message. */
  proxyOutput(): string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Replaces every `from` with its `to`; a `from` the file no longer holds is an error, never a silent no-op. */
export function substitute(text: string, replacements: readonly (readonly [string, string])[], file: string): string {
  let out = text;
  for (const [from, to] of replacements) {
    if (!out.includes(from)) throw new Error(`${file} no longer contains "${from}": update tests/helpers/proxies.ts with it`);
    out = out.replaceAll(from, to);
  }
  return out;
}

/** base64(sha256(DER SubjectPublicKeyInfo)): the form Chromium's --ignore-certificate-errors-spki-list takes. */
export function spkiHash(certificate: X509Certificate): string {
  const spki = certificate.publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

interface Spawned {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

function spawnLogged(command: string, args: string[], env: NodeJS.ProcessEnv): Spawned {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { child, output: () => out, stop };
}

/** Waits until the proxy completes a TLS handshake for aaben.test that `readCa()` verifies; returns its certificate. */
async function servedCertificate(
  port: number,
  readCa: () => string | undefined,
  proxy: Spawned,
  timeoutMs = 20_000,
): Promise<X509Certificate> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (proxy.child.exitCode !== null) throw new Error(`the proxy exited (${proxy.child.exitCode}):\n${proxy.output()}`);
    const ca = readCa();
    if (ca) {
      try {
        return await new Promise<X509Certificate>((resolve, reject) => {
          const socket = tls.connect({ host: '127.0.0.1', port, servername: siteHost, ca, ALPNProtocols: ['http/1.1'] }, () => {
            const raw = socket.getPeerCertificate().raw;
            socket.end();
            resolve(new X509Certificate(raw));
          });
          socket.once('error', reject);
        });
      } catch (error) {
        lastError = error;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no verified TLS handshake on port ${port} within ${timeoutMs / 1000} s (${String(lastError)}):\n${proxy.output()}`);
}

interface Ports {
  server: number;
  http: number;
  https: number;
}

interface StartedProxy {
  process: Spawned;
  readCa(): string | undefined;
}

/** Caddy from deploy/Caddyfile: SITE_DOMAIN and UPSTREAM as the operator sets them, plus test-only global options. */
function startCaddy(dir: string, ports: Ports): StartedProxy {
  const deployed = readFileSync('deploy/Caddyfile', 'utf8');
  // Global options the operator does not need: a high http port instead of 80, Caddy's own CA
  // instead of Let's Encrypt (not installed into the system's trust store), no admin endpoint.
  const config = `{\n\thttp_port ${ports.http}\n\tlocal_certs\n\tskip_install_trust\n\tadmin off\n}\n\n${deployed}`;
  const file = path.join(dir, 'Caddyfile');
  writeFileSync(file, config);
  const data = path.join(dir, 'data');
  const proxyProcess = spawnLogged('caddy', ['run', '--config', file, '--adapter', 'caddyfile'], {
    ...process.env,
    HOME: dir,
    XDG_DATA_HOME: data,
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    SITE_DOMAIN: `${siteHost}:${ports.https}`,
    UPSTREAM: `127.0.0.1:${ports.server}`,
  });
  const root = path.join(data, 'caddy', 'pki', 'authorities', 'local', 'root.crt');
  return { process: proxyProcess, readCa: () => (existsSync(root) ? readFileSync(root, 'utf8') : undefined) };
}

/** nginx from deploy/nginx.conf inside a minimal main config, as a normal user: temp paths, high ports, a self-signed certificate. */
function startNginx(dir: string, ports: Ports): StartedProxy {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  // prettier-ignore
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
    '-subj', `/CN=${siteHost}`, '-addext', `subjectAltName=DNS:${siteHost}`, '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const webroot = path.join(dir, 'webroot');
  mkdirSync(webroot);
  const site = substitute(
    readFileSync('deploy/nginx.conf', 'utf8'),
    [
      ['server 127.0.0.1:4321', `server 127.0.0.1:${ports.server}`],
      ['listen 80;', `listen 127.0.0.1:${ports.http};`],
      ['listen 443 ssl http2;', `listen 127.0.0.1:${ports.https} ssl http2;`],
      // The machine running the tests may have no IPv6.
      ['    listen [::]:80;\n', ''],
      ['    listen [::]:443 ssl http2;\n', ''],
      ['server_name aabendoer.example.dk;', `server_name ${siteHost};`],
      ['return 301 https://$host$request_uri;', `return 301 https://$host:${ports.https}$request_uri;`],
      ['/etc/ssl/aaben-doer/fullchain.pem', cert],
      ['/etc/ssl/aaben-doer/privkey.pem', key],
      ['/var/www/html', webroot],
    ],
    'deploy/nginx.conf',
  );
  writeFileSync(path.join(dir, 'aaben-doer.conf'), site);
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  // Debian's /etc/nginx/nginx.conf around it, cut to what a proxy needs; as root, workers stay root to reach the temp folder.
  const main = `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
events { worker_connections 256; }
http {
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  include ${path.join(dir, 'aaben-doer.conf')};
}
`;
  writeFileSync(path.join(dir, 'nginx.conf'), main);
  const directives = `daemon off; pid ${path.join(dir, 'nginx.pid')}; error_log ${path.join(dir, 'error.log')} info;`;
  const proxyProcess = spawnLogged(
    'nginx',
    ['-p', dir, '-e', path.join(dir, 'startup.log'), '-c', path.join(dir, 'nginx.conf'), '-g', directives],
    process.env,
  );
  const output = proxyProcess.output;
  const logs = () =>
    ['startup.log', 'error.log'].map((f) => (existsSync(path.join(dir, f)) ? readFileSync(path.join(dir, f), 'utf8') : '')).join('');
  return { process: { ...proxyProcess, output: () => output() + logs() }, readCa: () => readFileSync(cert, 'utf8') };
}

/**
 * Starts the production server (own data directory; TRUST_PROXY=1, PUBLIC_ORIGIN set) with the
 * proxy in front, and waits until the proxy serves a verified certificate.
 */
export async function startBehindProxy(proxy: ProxyName, env: Record<string, string> = {}): Promise<ProxiedSite> {
  const dir = mkdtempSync(path.join(tmpdir(), `aaben-doer-${proxy}-`));
  const ports: Ports = { server: await freePort(), http: await freePort(), https: await freePort() };
  const origin = `https://${siteHost}:${ports.https}`;
  const serverEnv = { TRUST_PROXY: '1', PUBLIC_ORIGIN: origin, ...env };
  let server = await startOwnServer(serverEnv, path.join(dir, 'data'), ports.server);
  const started = proxy === 'caddy' ? startCaddy(dir, ports) : startNginx(dir, ports);
  let certificate: X509Certificate;
  try {
    certificate = await servedCertificate(ports.https, started.readCa, started.process);
  } catch (error) {
    await started.process.stop();
    await server.stop();
    throw error;
  }
  const ca = started.readCa()!;
  const chromiumFlags = [
    `--host-resolver-rules=MAP ${siteHost} 127.0.0.1`,
    `--ignore-certificate-errors-spki-list=${spkiHash(certificate)}`,
  ];

  const request = (pathname: string, { method = 'GET', headers = {}, body, localAddress, plain = false }: ProxyRequestOptions = {}) =>
    new Promise<ProxyResponse>((resolve, reject) => {
      const port = plain ? ports.http : ports.https;
      const options = {
        host: '127.0.0.1',
        port,
        path: pathname,
        method,
        localAddress,
        headers: { Host: `${siteHost}:${port}`, ...headers },
      };
      const req = plain ? http.request(options) : https.request({ ...options, servername: siteHost, ca });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });

  return {
    proxy,
    origin,
    httpOrigin: `http://${siteHost}:${ports.http}`,
    server: () => server,
    ca,
    chromiumFlags,
    request,
    launchBrowser: () => launchChromium(chromiumFlags),
    stopServer: () => server.stop(),
    async startServer() {
      server = await startOwnServer(serverEnv, server.dataDir, ports.server);
    },
    proxyOutput: () => started.process.output(),
    async stop() {
      await started.process.stop();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new page in a new context of `browser`, whose goto/reload wait for the page's scripts. */
export async function proxiedPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  return waitForScriptsOnNavigation(await context.newPage());
}
