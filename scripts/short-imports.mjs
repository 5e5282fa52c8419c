// Short names for the JS functions the start module imports, a step of scripts/split.mjs.
// wasm-bindgen names each import after its Rust binding plus a 16-digit hash
// (`__wbg_addEventListener_f2d27251d333a631`), once in the wasm's import section and once as a
// key of the glue's import object: about 190 of them, 6.4 KB of names that gzip cannot shrink
// much (the hashes are random). This gives each a short name (`a`, `b`, … `aa`) and its module
// a one-letter one, in both files, and fails the build when the two no longer match one to one
// (a wasm-bindgen upgrade changed the glue's shape). wasm-opt's --minify-imports leaves
// wasm-bindgen's imports alone, hence these few lines.

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    if (!(b & 0x80)) return [value, at];
    shift += 7;
  }
}

/** The unsigned LEB128 encoding of `value`. */
function encode(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return out;
}

const name = (s) => {
  const bytes = Buffer.from(s, 'utf8');
  return [...encode(bytes.length), ...bytes];
};

/** The n-th short name: a … z, A … Z, then two letters and so on (never a JS keyword). */
function short(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do {
    s = letters[n % letters.length] + s;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return s;
}

/**
 * Renames the imports of `module` (the glue's key, "./aims-readiness_bg.js") in `wasm` and in
 * `glue`. Returns the new wasm bytes and glue text.
 * @returns {{ wasm: Buffer, glue: string }}
 */
export function shortenImports(wasm, glue, module) {
  const NEW_MODULE = 'w';
  let at = 8;
  const out = [wasm.subarray(0, 8)];
  const renamed = new Map();
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = leb(wasm, at + 1);
    const end = start + size;
    if (id !== 2) {
      out.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    let p = start;
    const [count, first] = leb(wasm, p);
    p = first;
    const section = [...encode(count)];
    for (let i = 0; i < count; i++) {
      const [modLen, modAt] = leb(wasm, p);
      const mod = wasm.subarray(modAt, modAt + modLen).toString('utf8');
      const [fieldLen, fieldAt] = leb(wasm, modAt + modLen);
      const field = wasm.subarray(fieldAt, fieldAt + fieldLen).toString('utf8');
      p = fieldAt + fieldLen;
      const descStart = p;
      const kind = wasm[p++];
      if (kind === 0) p = leb(wasm, p)[1];
      else if (kind === 1) { p++; const [flags, q] = leb(wasm, p); p = leb(wasm, q)[1]; if (flags & 1) p = leb(wasm, p)[1]; }
      else if (kind === 2) { const [flags, q] = leb(wasm, p); p = leb(wasm, q)[1]; if (flags & 1) p = leb(wasm, p)[1]; }
      else if (kind === 3) p += 2;
      else throw new Error(`short-imports: import kind ${kind} is not one this step knows`);
      if (mod === module) {
        if (!renamed.has(field)) renamed.set(field, short(renamed.size));
        section.push(...name(NEW_MODULE), ...name(renamed.get(field)));
      } else {
        section.push(...name(mod), ...name(field));
      }
      section.push(...wasm.subarray(descStart, p));
    }
    if (p !== end) throw new Error('short-imports: the import section did not read to its end');
    out.push(Buffer.from([2, ...encode(section.length), ...section]));
    at = end;
  }
  if (renamed.size === 0) throw new Error(`short-imports: the wasm imports nothing from ${module}`);

  // The glue lists each import once, as a key of its import object: `        name: function(`.
  let text = glue;
  for (const [long, s] of renamed) {
    const key = new RegExp(`^(\\s+)${long}:(?= function\\b)`, 'gm');
    const found = text.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`short-imports: ${long} is a key of the glue's imports ${found} times, not once`);
    text = text.replace(key, `$1${s}:`);
  }
  const moduleKey = `${JSON.stringify(module)}: import0,`;
  if (text.split(moduleKey).length !== 2) throw new Error(`short-imports: the glue does not key its imports by ${module} once`);
  text = text.replace(moduleKey, `${JSON.stringify(NEW_MODULE)}: import0,`);
  // Nothing else may name a renamed import (a second use would now call nothing).
  for (const long of renamed.keys()) {
    if (text.includes(long)) throw new Error(`short-imports: the glue still names ${long}`);
  }
  return { wasm: Buffer.concat(out), glue: text };
}
