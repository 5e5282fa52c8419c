// Where the wasm's bytes go: reads the release wasm cargo builds (before wasm-bindgen and
// wasm-opt, so function names are still there), sizes every function body and data segment,
// and groups them by crate and by module path, like `twiggy top` and `cargo bloat`. Prints;
// asserts nothing. Usage: node bench/wasm-profile.mjs [path.wasm] [--top=N]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? 'target/wasm32-unknown-unknown/release/aims-readiness.wasm';
const top = Number(args.find((a) => a.startsWith('--top='))?.slice(6) ?? 40);
const bytes = readFileSync(file);
let at = 8;
const u32 = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    result |= (b & 0x7f) << shift;
    if (!(b & 0x80)) return result >>> 0;
    shift += 7;
  }
};
const sections = [];
while (at < bytes.length) {
  const id = bytes[at++];
  const size = u32();
  sections.push({ id, start: at, size });
  at += size;
}
let imported = 0;
const bodies = [];
const names = new Map();
let dataBytes = 0;
for (const s of sections) {
  at = s.start;
  if (s.id === 2) {
    const n = u32();
    for (let i = 0; i < n; i++) {
      at += u32(); at += u32() + 0; // module name
      const len = u32(); at += len; // field name
      const kind = bytes[at++];
      if (kind === 0) { u32(); imported++; } else if (kind === 1) { at++; const f = u32(); u32(); if (f & 1) u32(); } else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); } else { at += 2; }
    }
  } else if (s.id === 10) {
    const n = u32();
    for (let i = 0; i < n; i++) {
      const size = u32();
      bodies.push(size);
      at += size;
    }
  } else if (s.id === 11) {
    dataBytes = s.size;
  } else if (s.id === 0) {
    const len = u32();
    const name = bytes.subarray(at, at + len).toString();
    at += len;
    if (name !== 'name') continue;
    while (at < s.start + s.size) {
      const kind = bytes[at++];
      const size = u32();
      const end = at + size;
      if (kind === 1) {
        const n = u32();
        for (let i = 0; i < n; i++) {
          const index = u32();
          const l = u32();
          names.set(index, bytes.subarray(at, at + l).toString());
          at += l;
        }
      }
      at = end;
    }
  }
}
// Legacy Rust mangling: _ZN<len><ident>...E; keep the path, drop the hash.
const demangle = (raw) => {
  const m = raw.match(/^_ZN(.*)E$/);
  if (!m) return raw;
  const parts = [];
  let rest = m[1];
  while (rest.length) {
    const n = rest.match(/^(\d+)/);
    if (!n) break;
    const len = Number(n[1]);
    parts.push(rest.slice(n[1].length, n[1].length + len));
    rest = rest.slice(n[1].length + len);
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  return parts.join('::').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\$RF\$/g, '&').replace(/\$C\$/g, ',').replace(/\.\./g, '::');
};
const fns = bodies.map((size, i) => ({ size, name: demangle(names.get(i + imported) ?? `func[${i + imported}]`) }));
const code = fns.reduce((s, f) => s + f.size, 0);
const group = (key) => {
  const m = new Map();
  for (const f of fns) m.set(key(f.name), (m.get(key(f.name)) ?? 0) + f.size);
  return [...m].sort((a, b) => b[1] - a[1]);
};
const crateOf = (name) => {
  const inner = name.match(/^<(?:&(?:mut )?)?([a-z_0-9]+)::/);
  const first = (inner ? inner[1] : name.split('::')[0]).replace(/^_</, '');
  return first;
};
const pct = (n) => `${((100 * n) / code).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${bytes.length} B; code ${code} B in ${fns.length} functions; data ${dataBytes} B`);
console.log('\nBy crate (code bytes, before wasm-opt):');
for (const [k, v] of group(crateOf).slice(0, 20)) console.log(`${String(v).padStart(9)} ${pct(v)}  ${k}`);
console.log('\nBy module (first two path segments):');
for (const [k, v] of group((n) => n.replace(/^<(?:&(?:mut )?)?/, '').split('::').slice(0, Number(args.find((a) => a.startsWith('--depth='))?.slice(8) ?? 2)).join('::').split(/[< ]/)[0]).slice(0, top)) console.log(`${String(v).padStart(9)} ${pct(v)}  ${k}`);
console.log(`\nLargest ${top} functions:`);
for (const f of [...fns].sort((a, b) => b.size - a.size).slice(0, top)) console.log(`${String(f.size).padStart(9)} ${pct(f.size)}  ${f.name.slice(0, 150)}`);
