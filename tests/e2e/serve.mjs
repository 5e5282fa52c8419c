// Static file server for the browser tests: serves a folder on 127.0.0.1 only, with correct MIME types.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4173);
// A slow network for the later modules and the questionnaires (the engines' test of a request
// that completes after the network lock): their responses wait this many milliseconds.
const slowLater = Number(process.argv[4] ?? 0);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

// A site whose host.json asks for lifecycle events: the same files under /with-events/, with
// tests/e2e/fixtures/events-host.json as that site's host.json.
const eventsHost = resolve('tests/e2e/fixtures/events-host.json');

createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
  const withEvents = path.startsWith('/with-events/');
  if (withEvents) path = path.slice('/with-events'.length);
  let file = withEvents && path === '/host.json' ? eventsHost : normalize(join(root, path));
  if (!file.startsWith(root) && file !== eventsHost) {
    res.writeHead(403).end();
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    if (slowLater && /(-(later|questions)-[0-9a-f]+\.wasm|(^|\/)questions-[a-z]{2}-[0-9a-f]+\.bin)$/.test(file)) await new Promise((r) => setTimeout(r, slowLater));
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}/`));
