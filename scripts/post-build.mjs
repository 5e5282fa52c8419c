// Trunk post-build hook.
// 0. Builds the wasm files from cargo's output: the split into a start module and later modules,
//    wasm-bindgen and wasm-opt (scripts/split.mjs; Trunk's own wasm-opt is off in index.html),
//    after taking the comments out of the stylesheet and boot.js (`compact`).
// 1. Removes Trunk's inline start-up script, which the page's CSP forbids (public/boot.js starts
//    the widget instead), and checks that no other inline script remains.
// 2. Copies the content files build.rs packed (target/aims-content/: two per language) next to
//    the wasm under hashed names, and names them, with their integrity, in two meta tags that
//    public/boot.js reads to fetch the one language a visitor needs.
// 4. Puts the start screen's heading and promises (rendered by build.rs) into the page, so the
//    first paint does not wait for the wasm; boot.js and the app remove it.
// 5. Writes the offline edition: one self-contained HTML file (CSS, JS, wasm and the content of
//    every language inlined, favicon as a data URL) that works opened straight from disk, under
//    a CSP that allows exactly its own inline script and style (by hash) and no connection.
// 6. Writes the SCORM 1.2 package (aims-readiness-scorm12.zip) from the offline edition.
// 7. Puts the host studio's previews (build.rs's share fragments) into host-studio.html.
// 8. Writes the WordPress plugin's zip (wordpress/aims-readiness/ with dist/ inside).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePackage } from './scorm.mjs';
import { writePlugin } from './wordpress.mjs';
import { buildWasm } from './split.mjs';

/**
 * 0b. The stylesheet and boot.js without their comments and indentation (half of boot.js's
 * bytes, a sixth of the stylesheet's: 3.2 KB before the app starts), with the page's integrity
 * updated. Whole comment lines only, so a `//` inside a string stays; boot.js holds no
 * multi-line string, and the build fails if what is left of it does not parse.
 */
function compact(page) {
  const files = [
    [/<link rel="stylesheet" href="\.\/([^"]+\.css)" integrity="([^"]+)"/, (css) => css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^[ \t]+/gm, '').replace(/\n+/g, '\n')],
    [/<script src="\.\/(boot-[^"]+\.js)" integrity="([^"]+)"/, (js) => js.replace(/^[ \t]*\/\/.*\n/gm, '').replace(/^[ \t]+/gm, '')],
  ];
  let out = page;
  for (const [pattern, shorten] of files) {
    const found = out.match(pattern);
    if (!found) throw new Error(`post-build: ${pattern} is not in index.html`);
    const path = join(dir, found[1]);
    const text = shorten(readFileSync(path, 'utf8'));
    writeFileSync(path, text);
    if (path.endsWith('.js')) execFileSync(process.execPath, ['--check', '--input-type=module'], { input: text, stdio: ['pipe', 'ignore', 'inherit'] });
    out = out.replace(found[0], found[0].replace(found[2], `sha384-${createHash('sha384').update(text, 'utf8').digest('base64')}`));
  }
  return out;
}

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const OFFLINE = 'aims-readiness-offline.html';
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
const inline = /<script type="module">\s*import init[\s\S]*?<\/script>\s*/;
if (!inline.test(html)) throw new Error("Trunk's inline start-up script was not found; has Trunk changed its output?");
// Trunk adds integrity to every link, but on rel="icon" the attribute is not allowed (the Nu Html
// Checker reports it) and browsers ignore it there.
const trunkPage = html.replace(inline, '').replace(/(<link rel="icon"[^>]*?) integrity="[^"]*"/, '$1');
const { page: pageWithoutLoader, loader, modules } = buildWasm(dir, compact(trunkPage));
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(pageWithoutLoader)) throw new Error('an inline script remains in index.html; the CSP would block it');

const contentDir = join(process.env.CARGO_TARGET_DIR ?? 'target', 'aims-content');
if (!existsSync(join(contentDir, 'content-all.bin'))) {
  throw new Error(`post-build: no content files in ${contentDir}; build.rs writes them (cargo clean -p aims-readiness, then build again)`);
}
// Each language in two files: its texts with what the start screen shows of the questionnaires
// (content-), and the questionnaires (questions-), which a first visit requests with the later
// modules.
const hashedFiles = (kind) => readdirSync(contentDir)
  .map((name) => name.match(new RegExp(`^${kind}-([a-z]{2})\\.bin$`)))
  .filter(Boolean)
  .map(([name, lang]) => {
    const bytes = readFileSync(join(contentDir, name));
    const hashed = `${kind}-${lang}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.bin`;
    writeFileSync(join(dir, hashed), bytes);
    return `${lang} ${hashed} sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  });
const entries = hashedFiles('content');
const questions = hashedFiles('questions');
if (entries.length === 0 || questions.length !== entries.length) throw new Error('post-build: not a content and a questions file per language');
const contentMeta = `<meta name="aims-content" content="${entries.join(', ')}" />\n    <meta name="aims-questions" content="${questions.join(', ')}" />`;
// 3. The first paint: the start screen's words, rendered by build.rs, inside the app's root.
const preview = readdirSync(contentDir)
  .filter((name) => /^preview-[a-z]{2}\.html$/.test(name))
  .sort()
  .map((name) => readFileSync(join(contentDir, name), 'utf8'))
  .join('\n      ');
if (!preview) throw new Error(`post-build: no preview-<lang>.html in ${contentDir}`);
const rootTag = '<div id="aims-readiness">';
if (!pageWithoutLoader.includes(rootTag)) throw new Error('post-build: index.html has no <div id="aims-readiness">');
// The wasm is fetched by boot.js once the first paint is on screen, not preloaded by the page:
// a preload would compete with that paint (Trunk's preload link becomes a meta tag naming the
// file and its integrity).
const page = pageWithoutLoader
  .replace(/<link rel="preload" href="(\.\/[^"]+\.wasm)"[^>]*?integrity="([^"]+)"[^>]*>/, '<meta name="aims-wasm" content="$1 $2" />')
  .replace('</head>', `  ${contentMeta}\n  </head>`)
  .replace(rootTag, `${rootTag}\n      ${preview}`);
writeFileSync(file, page);
const allContent = readFileSync(join(contentDir, 'content-all.bin'));

const href = (pattern, what) => {
  const match = page.match(pattern);
  if (!match) throw new Error(`post-build: no ${what} in index.html`);
  return match[1];
};
const css = readFileSync(join(dir, href(/<link rel="stylesheet" href="\.\/([^"]+)"/, 'stylesheet')), 'utf8');
const glue = readFileSync(join(dir, href(/<link rel="modulepreload" href="\.\/([^"]+)"/, 'JS glue')), 'utf8');
const wasm = readFileSync(join(dir, href(/<meta name="aims-wasm" content="\.\/([^" ]+\.wasm) /, 'wasm')));
const icon = readFileSync(join(dir, href(/<link rel="icon" href="\.\/([^"]+)"/, 'icon')));
if (!/async function __wbg_init\(/.test(glue)) throw new Error('post-build: the wasm-bindgen glue has no __wbg_init; has wasm-bindgen changed?');

// The split's loader and its later modules go into the same script: a page opened from disk may
// not import other files.
let code = glue;
let later = '';
if (loader) {
  const exported = [...loader.matchAll(/^export const (\w+)/gm)].map((m) => m[1]);
  const inlineLoader = loader.replace(/^import \{ initSync \} from "[^"]+";\n?/m, '').replace(/^export const /gm, 'const ');
  // One import of the loader per split point.
  const imports = [...glue.matchAll(/^import \* as (\w+) from "\.\/[^"]+-split-[^"]+\.js";?$/gm)];
  if (imports.length === 0 || exported.length === 0) throw new Error('post-build: the glue does not import the split loader the expected way');
  const inlined = imports.reduce((text, [line, name]) => text.replace(line, `const ${name} = { ${exported.join(', ')} };`), glue);
  code = `${inlineLoader}\n${inlined}`;
  const entries = modules.map((m) => `${JSON.stringify(m.name)}: Promise.resolve(Uint8Array.from(atob(${JSON.stringify(m.bytes.toString('base64'))}), (c) => c.charCodeAt(0)))`);
  later = `globalThis.aimsReadinessModules = { ${entries.join(', ')} };\n`;
}
const script = `${code}
${later}globalThis.aimsReadinessContent = Uint8Array.from(atob(${JSON.stringify(allContent.toString('base64'))}), (c) => c.charCodeAt(0));
const bytes = Uint8Array.from(atob(${JSON.stringify(wasm.toString('base64'))}), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
`;
const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${sha(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha(css)}`,
  'img-src data:',
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  "require-trusted-types-for 'script'",
].join('; ');
const title = page.match(/<title>([^<]*)<\/title>/)[1];
const offline = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <meta name="aims-edition" content="offline" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <title>${title} (offline edition)</title>
    <link rel="icon" href="data:image/svg+xml;base64,${icon.toString('base64')}" />
    <style>${css}</style>
  </head>
  <body>
    <div id="aims-readiness"><noscript>This readiness check needs JavaScript and WebAssembly.</noscript></div>
    <script type="module">${script}</script>
  </body>
</html>
`;
writeFileSync(join(dir, OFFLINE), offline);
// 6. The SCORM 1.2 package for an LMS: the offline edition with its SCORM bridge
//    (scripts/scorm.mjs), reporting completion only; the overall readiness as the score too
//    when built with AIMS_SCORM_SCORE=1.
writePackage(dir, { score: process.env.AIMS_SCORM_SCORE === '1' });
// 7. The host studio's previews: the share fragment per readiness band that build.rs wrote.
{
  const studio = join(dir, 'host-studio.html');
  const samples = readFileSync(join(contentDir, 'studio-samples.json'), 'utf8');
  const page = readFileSync(studio, 'utf8');
  const placeholder = '<meta name="aims-samples" content="{}" />';
  if (!page.includes(placeholder)) throw new Error('post-build: host-studio.html has no samples placeholder');
  const attr = samples.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  writeFileSync(studio, page.replace(placeholder, `<meta name="aims-samples" content="${attr}" />`));
}
// 8. The WordPress plugin (wordpress/aims-readiness/) with everything above as its dist/.
writePlugin(dir);
