// Starts the widget under its Content-Security-Policy: decides the language, fetches the start
// module (named in a meta tag), that language's content file (interface texts and what the
// start screen shows of the questionnaires, packed at build time; the questionnaires too where
// the app opens on another screen) and the host's host.json in parallel; once those have
// arrived, starts the app (drawn, holding every event) and requests the questions module (the
// reducer, the profile and questions screens) with the questionnaires of a first visit; once
// those have arrived, requests the later module (the screens after "see results";
// <meta name="aims-modules"> names them all), then forbids every further connection
// (connect-src 'none') while it is still on its way, and only then does the app handle events:
// no request starts after the lock. Another language later means a reload into it (the
// answers are stored).
const moduleLink = document.querySelector('link[rel="modulepreload"]');
const [wasmHref, wasmIntegrity] = (document.querySelector('meta[name="aims-wasm"]')?.content ?? '').split(' ');

function lockNetwork() {
  // A policy added later can only tighten the one in index.html: from here on, no fetch,
  // XHR, WebSocket, beacon or EventSource can leave the page, not even to this site.
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "connect-src 'none'; form-action 'none'";
  document.head.append(meta);
}

// Embedded in an iframe: tell the host page this widget's height (so the frame grows and
// shrinks with it) and when a new screen asks to be seen from its top; nothing else, ever.
if (window.parent !== window) {
  const raw = new URLSearchParams(location.search).get('id') ?? '';
  const id = /^[A-Za-z0-9_-]{0,40}$/.test(raw) ? raw : '';
  let last = 0;
  // The body's own box, not the document's scroll height: that never drops below the frame's
  // current height, so a frame could grow but never shrink.
  const measure = () => {
    const style = getComputedStyle(document.body);
    const box = document.body.getBoundingClientRect().height;
    return Math.ceil(box + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
  };
  const post = () => {
    const height = measure();
    if (height > 0 && height !== last) {
      last = height;
      window.parent.postMessage({ type: 'aims-readiness:height', id, height }, '*');
    }
  };
  // A frame below the host's fold may not run resize observers or animation frames until it
  // is scrolled into view; DOM mutations and timers still run, and measuring forces layout.
  let queued = false;
  const soon = () => {
    if (!queued) {
      queued = true;
      setTimeout(() => {
        queued = false;
        post();
      }, 0);
    }
  };
  new ResizeObserver(post).observe(document.body);
  new MutationObserver(soon).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  // Lifecycle events, only where the host's host.json asked for them (the app decides, and
  // sets nothing otherwise): that a questionnaire was started or its results reached, and the
  // band if asked. The tokens are checked again here; nothing else is ever posted.
  document.addEventListener('aims-readiness:event', () => {
    const tokens = (document.documentElement.getAttribute('data-aims-event') ?? '').split(' ');
    const [moment, questionnaire, band] = tokens;
    const plain = (t) => /^[a-z0-9-]{1,60}$/.test(t);
    if (tokens.length > 3 || !['started', 'completed'].includes(moment) || !plain(questionnaire)) return;
    const message = { type: `aims-readiness:${moment}`, id, questionnaire };
    if (band !== undefined && moment === 'completed' && plain(band)) message.band = band;
    window.parent.postMessage(message, '*');
  });
  document.addEventListener('aims-readiness:screen', () => {
    post();
    const root = document.querySelector('.aims');
    const offset = Number(root?.getAttribute('data-scroll-offset') ?? 0) || 0;
    window.parent.postMessage({ type: 'aims-readiness:top', id, offset }, '*');
  });
  post();
}

// The language, decided as the app decides it: the embed's `lang`, the one chosen on an earlier
// visit, the browser's languages, English. Only languages with a content file count.
const filesIn = (name) => new Map(
  (document.querySelector(`meta[name="${name}"]`)?.content ?? '')
    .split(',')
    .map((entry) => entry.trim().split(/\s+/))
    .filter((parts) => parts.length === 3)
    .map(([lang, href, integrity]) => [lang, { href, integrity }]),
);
const files = filesIn('aims-content');
const known = (tag) => {
  const primary = String(tag ?? '').trim().split(/[-_]/)[0].toLowerCase();
  return files.has(primary) ? primary : null;
};
let stored = null;
try {
  stored = localStorage.getItem('aims-readiness:language');
} catch {
  // Storage blocked: the address and the browser decide.
}
const lang =
  known(new URLSearchParams(location.search).get('lang')) ??
  known(stored) ??
  (navigator.languages ?? [navigator.language]).map(known).find(Boolean) ??
  (files.has('en') ? 'en' : [...files.keys()][0]);
const file = files.get(lang);
const questionsFile = filesIn('aims-questions').get(lang);
const fetchBytes = (f) => fetch(f.href, { integrity: f.integrity })
  .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${f.href}: ${r.status}`))))
  .then((b) => new Uint8Array(b));

// The start screen painted into index.html at build time (one per language, all hidden) shows
// in the visitor's language, and only where the app will open on that screen:
// not for a returning visitor (who resumes), a host that brands the page, or a shared link.
let resumes = false;
let reloaded = false;
try {
  resumes = localStorage.getItem('aims-readiness:last') !== null;
  // A reload into another language, back onto the screen it was on (src/ui/app.rs).
  reloaded = sessionStorage.getItem('aims-readiness:resume') !== null;
} catch {
  // Storage blocked: nothing to resume.
}
// Where the app opens on the start screen (no answers to resume, no shared link, no
// questionnaire chosen by the host), it needs only what that screen shows of the
// questionnaires at first; the questionnaires themselves come after the start bytes.
const opensOnStart = !resumes && !reloaded && location.hash.length <= 1 && !new URLSearchParams(location.search).has('questionnaire');
{
  // A host that only picks the questionnaire still gets the painted explanation (what the check
  // is, the promises) instead of a blank box while the app loads.
  const settings = [...new URLSearchParams(location.search).keys()].filter((k) => !['lang', 'id', 'questionnaire'].includes(k));
  const start = !resumes && settings.length === 0 && location.hash.length <= 1;
  for (const preview of document.querySelectorAll('[data-preview]')) {
    if (start && preview.dataset.preview === lang) preview.hidden = false;
    else preview.remove();
  }
}
// The downloads start once the start screen above is painted: the first paint waits for
// nothing but the page and its stylesheet (the wasm is not preloaded for the same reason, see
// scripts/post-build.mjs). Costs one frame before the downloads begin.
// A frame below a host's fold may get no animation frames at all: then 50 ms must do.
if (document.querySelector('[data-preview]:not([hidden])')) {
  await new Promise((painted) => {
    requestAnimationFrame(() => setTimeout(painted, 0));
    setTimeout(painted, 50);
  });
}
const content = file
  ? fetch(file.href, { integrity: file.integrity })
      .then((r) => (r.ok ? r.arrayBuffer() : null))
      .catch(() => null)
  : Promise.resolve(null);
// Any other screen needs the questionnaires at once: they come with the start bytes.
const questionsNow = questionsFile && !opensOnStart ? fetchBytes(questionsFile).catch(() => null) : null;

// The host's own settings (name, contact, messages per band), a plain JSON file next to
// index.html that the host edits; the build ships an empty one. Read as text only: the app
// validates it and reports every problem in the console.
const host = fetch('./host.json', { credentials: 'omit', cache: 'no-cache' })
  .then((r) => (r.ok ? r.text() : null))
  .catch(() => null);

// The wasm compiles while it downloads (compileStreaming); the JS glue loads at the same time.
const glue = import(moduleLink.href);
const response = fetch(wasmHref, { integrity: wasmIntegrity || undefined });
let wasm;
try {
  wasm = await WebAssembly.compileStreaming(response.then((r) => r.clone()));
} catch {
  // A server that does not send application/wasm: compile from the bytes instead.
  wasm = await (await response).arrayBuffer();
}
const bytes = await content;
let hostText = await host;
// In the host studio (public/host-studio.html, a page of this same site that frames the widget
// as a live preview), the studio's form is the host.json. Another origin's page cannot reach
// this: reading its window throws.
try {
  const studio = window.parent !== window ? window.parent.aimsReadinessStudio : undefined;
  if (typeof studio === 'function') hostText = String(studio());
} catch {
  // Not this site's page.
}
if (questionsNow) {
  const bytes = await questionsNow;
  if (bytes) globalThis.aimsReadinessQuestions = bytes;
}
// Only now what a click needs after the start (the questions module with the app's reducer, the
// code it shares with the later module, a first visit's questionnaires with the rest of the
// texts): it would compete with the start module for a phone's bandwidth. Once that is in, the
// later module (the screens after the questions), so the two do not compete either; then the
// lock. The app starts meanwhile, drawn but inert: it holds every event until the lock is in
// place and its reducer is here (`aimsReadinessLocked`, src/ui/app.rs), so nothing a person
// does is handled before the lock, and no request starts after it. The split loader takes the
// modules from here (scripts/split.mjs); a screen whose part never arrives says so
// (src/ui/later.rs).
if (questionsFile && opensOnStart) {
  globalThis.aimsReadinessQuestions = fetchBytes(questionsFile);
  // Handled where it is used; an unused failure is not an error.
  globalThis.aimsReadinessQuestions.catch(() => {});
}
const requestModule = ({ href, integrity }) => {
  const module = fetch(href, { integrity }).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${href}: ${r.status}`))));
  // Handled where it is used; an unused failure is not an error.
  module.catch(() => {});
  return module;
};
const modules = (document.querySelector('meta[name="aims-modules"]')?.content ?? '')
  .split(',')
  .map((entry) => entry.trim().split(/\s+/))
  .filter((parts) => parts.length === 3)
  .map(([name, href, integrity]) => ({ name, href, integrity }));
const first = modules.filter((m) => m.name !== 'later');
const after = modules.filter((m) => m.name === 'later');
globalThis.aimsReadinessModules = Object.fromEntries(first.map((m) => [m.name, requestModule(m)]));
const requested = {};
globalThis.aimsReadinessLocked = Promise.allSettled([...Object.values(globalThis.aimsReadinessModules), globalThis.aimsReadinessQuestions])
  .then(() => {
    for (const m of after) requested[m.name] = requestModule(m);
    lockNetwork();
    // When the lock took effect, for the tests: every request must have started before it.
    performance.mark('aims-readiness:locked');
  });
for (const m of after) {
  globalThis.aimsReadinessModules[m.name] = globalThis.aimsReadinessLocked.then(() => requested[m.name]);
  globalThis.aimsReadinessModules[m.name].catch(() => {});
}
if (typeof hostText === 'string') globalThis.aimsReadinessHost = hostText;
// The app reads it at start; without it (a damaged download) the app says so in the console.
if (bytes) globalThis.aimsReadinessContent = new Uint8Array(bytes);
const { default: init } = await glue;
await init({ module_or_path: wasm });
