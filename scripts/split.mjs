// The wasm pipeline after cargo, a step of the Trunk post-build hook (scripts/post-build.mjs):
// Trunk cannot split a wasm module, so this does what Trunk's own wasm-bindgen and wasm-opt
// steps would, from cargo's output, and replaces Trunk's files in the staging folder.
//
// With the `split` feature (the default; its build links with --emit-relocs, see build.rs):
//   1. wasm-split-cli (pinned in scripts/setup.sh) cuts cargo's module at the split points
//      (`#[wasm_split]`, src/ui/later.rs): main.wasm, one split_<name>.wasm per split point, a
//      chunk_<n>.wasm for code that several split points share, and a small JS loader,
//      __wasm_split.js;
//   2. wasm-bindgen (the locked version) on main.wasm with --keep-lld-exports (the later modules
//      import the main module's memory, table and shared functions by those names);
//   3. wasm-opt -Oz on every module;
//   4. short names for the main module's JS imports, in it and in the glue
//      (scripts/short-imports.mjs: 6 KB less to download before the app starts);
//   5. content-hashed names for all of them, the loader's fetch replaced by the bytes
//      public/boot.js fetched before the network lock (globalThis.aimsReadinessModules), and a
//      <meta name="aims-modules"> naming each later module with its integrity.
// Without it (`trunk build --no-default-features`): steps 2 to 4 on the one module.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shortenImports } from './short-imports.mjs';

const CRATE = 'aims-readiness';
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const run = (tool, args) => execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'inherit'] });

// Replaces every match of `pattern` and fails the build when the generated code no longer has
// the expected number of them (a tool upgrade changed its output).
function rewrite(text, pattern, replacement, expected, what) {
  const found = text.match(pattern)?.length ?? 0;
  if (found !== expected) throw new Error(`split: expected ${expected} ${what} in the generated JS, found ${found}; has the tool changed its output?`);
  return text.replace(pattern, replacement);
}

/**
 * Rebuilds the wasm files in `dir` (Trunk's staging folder) from cargo's output and returns the
 * page with its references updated, plus what the offline edition inlines.
 * @returns {{ page: string, loader: string | null, modules: { name: string, bytes: Buffer }[] }}
 */
export function buildWasm(dir, page) {
  const profile = process.env.TRUNK_PROFILE === 'debug' ? 'debug' : 'release';
  const target = process.env.CARGO_TARGET_DIR ?? 'target';
  const input = join(target, 'wasm32-unknown-unknown', profile, `${CRATE}.wasm`);
  if (!existsSync(input)) throw new Error(`split: no ${input}; did cargo build the wasm?`);
  const raw = readFileSync(input);
  // The split points leave a custom section (and imports) named __wasm_split_*.
  const split = raw.includes(Buffer.from('__wasm_split'));
  const work = join(target, 'aims-split');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'bindgen'), { recursive: true });

  let main = input;
  const later = [];
  if (split) {
    run('wasm-split-cli', [input, work]);
    main = join(work, 'main.wasm');
    for (const file of readdirSync(work).filter((f) => /^(split_|chunk_).*\.wasm$/.test(f)).sort()) {
      later.push({ name: file.replace(/^split_/, '').replace(/\.wasm$/, ''), file });
    }
    if (later.length === 0) throw new Error('split: wasm-split-cli wrote no later module');
  }
  run('wasm-bindgen', [main, '--target', 'web', '--no-typescript', '--out-dir', join(work, 'bindgen'), '--out-name', CRATE, ...(split ? ['--keep-lld-exports'] : [])]);
  const wasmFiles = [join(work, 'bindgen', `${CRATE}_bg.wasm`), ...later.map((m) => join(work, m.file))];
  for (const file of wasmFiles) run('wasm-opt', ['-Oz', '--strip-debug', '--strip-producers', file, '-o', file]);

  const short = shortenImports(readFileSync(wasmFiles[0]), readFileSync(join(work, 'bindgen', `${CRATE}.js`), 'utf8'), `./${CRATE}_bg.js`);
  const mainBytes = short.wasm;
  let glue = short.glue;
  let loader = split ? readFileSync(join(work, '__wasm_split.js'), 'utf8') : null;
  const modules = later.map((m, i) => ({ name: m.name, bytes: readFileSync(wasmFiles[i + 1]) }));
  const hash = createHash('sha256');
  for (const part of [mainBytes, glue, loader ?? '', ...modules.map((m) => m.bytes)]) hash.update(part);
  const id = hash.digest('hex').slice(0, 16);
  const names = { glue: `${CRATE}-${id}.js`, wasm: `${CRATE}-${id}_bg.wasm`, loader: `${CRATE}-split-${id}.js` };

  if (split) {
    // The glue imports the loader once per split point (shared chunks have none).
    const points = later.filter((m) => m.file.startsWith('split_')).length;
    glue = rewrite(glue, /from ["']\.\/__wasm_split\.js["']/g, `from "./${names.loader}"`, points, 'imports of the loader');
    loader = rewrite(loader, /import \{ initSync \} from ["']\.\/main\.js["'];/g, `import { initSync } from "./${names.glue}";`, 1, 'imports of the main module');
    // The later modules were fetched by boot.js before the lock: the loader takes those bytes.
    loader = rewrite(
      loader,
      /fetch\(new URL\("\.\/(?:split_)?([A-Za-z0-9_]+)\.wasm", import\.meta\.url\)\)/g,
      (_, name) => `(globalThis.aimsReadinessModules?.[${JSON.stringify(name)}] ?? Promise.reject(new Error("the later module ${name} was not fetched")))`,
      modules.length,
      'fetches of later modules',
    );
    loader = rewrite(loader, /WebAssembly\.instantiateStreaming\(src, imports\)/g, 'src.then((bytes) => WebAssembly.instantiate(bytes, imports))', modules.length, 'instantiations');
  }

  // Trunk's glue and wasm give way to these.
  const trunkGlue = page.match(/<link rel="modulepreload" href="\.\/([^"]+\.js)"[^>]*>/);
  const trunkWasm = page.match(/<link rel="preload" href="\.\/([^"]+\.wasm)"[^>]*>/);
  if (!trunkGlue || !trunkWasm) throw new Error("split: Trunk's modulepreload or wasm preload link is missing");
  for (const name of [trunkGlue[1], trunkWasm[1]]) if (existsSync(join(dir, name))) unlinkSync(join(dir, name));
  writeFileSync(join(dir, names.glue), glue);
  writeFileSync(join(dir, names.wasm), mainBytes);
  if (loader) writeFileSync(join(dir, names.loader), loader);
  const files = modules.map((m) => ({ ...m, file: `${CRATE}-${m.name}-${id}.wasm` }));
  for (const m of files) writeFileSync(join(dir, m.file), m.bytes);

  const link = (tag, href, bytes) => tag.replace(/href="[^"]+"/, `href="./${href}"`).replace(/integrity="[^"]+"/, `integrity="${sri(bytes)}"`);
  let updated = page
    .replace(trunkGlue[0], link(trunkGlue[0], names.glue, glue))
    .replace(trunkWasm[0], link(trunkWasm[0], names.wasm, mainBytes));
  if (files.length) {
    const meta = files.map((m) => `${m.name} ./${m.file} ${sri(m.bytes)}`).join(', ');
    updated = updated.replace('</head>', `  <meta name="aims-modules" content="${meta}" />\n  </head>`);
  }
  return { page: updated, loader, modules };
}
