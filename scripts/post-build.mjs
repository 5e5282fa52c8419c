// Trunk post-build hook: removes Trunk's inline start-up script, which the page's CSP forbids
// (public/boot.js starts the widget instead), and checks that no other inline script remains.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
const inline = /<script type="module">\s*import init[\s\S]*?<\/script>\s*/;
if (!inline.test(html)) throw new Error("Trunk's inline start-up script was not found; has Trunk changed its output?");
const out = html.replace(inline, '');
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(out)) throw new Error('an inline script remains in index.html; the CSP would block it');
writeFileSync(file, out);
