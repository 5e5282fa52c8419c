// Starts the widget under its Content-Security-Policy: fetches the wasm Trunk preloaded, then
// forbids every further connection (connect-src 'none') before any Rust code runs.
const moduleLink = document.querySelector('link[rel="modulepreload"]');
const wasmLink = document.querySelector('link[rel="preload"][as="fetch"]');

function lockNetwork() {
  // A policy added later can only tighten the one in index.html: from here on, no fetch,
  // XHR, WebSocket, beacon or EventSource can leave the page, not even to this site.
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "connect-src 'none'; form-action 'none'";
  document.head.append(meta);
}

// Embedded in an iframe: tell the host page this widget's height, and nothing else.
if (window.parent !== window) {
  const raw = new URLSearchParams(location.search).get('id') ?? '';
  const id = /^[A-Za-z0-9_-]{0,40}$/.test(raw) ? raw : '';
  let last = 0;
  const post = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'aims-readiness:height', id, height }, '*');
    }
  };
  new ResizeObserver(post).observe(document.body);
}

// The wasm compiles while it downloads (compileStreaming); the JS glue loads at the same time.
const glue = import(moduleLink.href);
const response = fetch(wasmLink.href, { integrity: wasmLink.integrity || undefined });
let wasm;
try {
  wasm = await WebAssembly.compileStreaming(response.then((r) => r.clone()));
} catch {
  // A server that does not send application/wasm: compile from the bytes instead.
  wasm = await (await response).arrayBuffer();
}
lockNetwork();
const { default: init } = await glue;
await init({ module_or_path: wasm });
