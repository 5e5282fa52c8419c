// Size budget (deterministic, no timing): what a visitor's browser downloads to start the
// widget, gzip -9, for each language: index.html and every file it references (stylesheet,
// JS glue, wasm, boot.js, favicon) plus that language's content file, which boot.js fetches.
// Run after `trunk build --release`. The budget is set from the measurement of 2026-12-01
// (issue 15: content shipped per language, and the German catalogue out of the wasm; English
// 354,887 B, German 377,378 B); the same day issue 16 added the team view (+23 KB), host
// messages with the hand-off (+13 KB) and the adviser's sheet (+8 KB), and one small sort in
// place of the standard library's (domain::order) took 19 KB back: English 379,587 B, German
// 405,675 B. Budget: that plus about 1.5 %, so a heavy dependency or a language's content
// cannot slip in unnoticed. Issue 17 added French and Spanish (content files of their own), and
// content files now carry each translation under a hash of its English text instead of the
// English, which the wasm holds anyway (-7.4 KB per translated language; the wasm +247 B for
// both changes, English 379,815 -> 380,063 B): German 398,512 B, French 399,924 B, Spanish
// 397,136 B, budgets about 1.5 % above. Then the interface texts left the wasm altogether,
// English included (compile-time message ids, `i18n::msg!`; every language's texts travel in
// its content file): English 376,336 B, German 382,231 B, French 383,488 B, Spanish 380,778 B.
// Budgets about 1.5 % above those, and no language more than LANG_OVER_ENGLISH above English
// (what remains is how much longer a translation runs than the English). Issue 24 (plans that
// follow the answers: the capacity form, the scheduling with its floors, the cycle's yearly
// reviews and follow-on systems, the new blocker reasons, caps and adviser's checks) added
// 7.6 KB of wasm (314,508 -> 322,145 B, after taking 7.5 KB of float formatting back out) and
// 1.4 KB of English texts: English 385,323 B, German 391,369 B, French 392,668 B, Spanish
// 389,873 B; budgets about 1.5 % above those again. Issue 26 (carried-over links, names
// isolated, the team view's language warning) and the first parts of issue 25 (the EU AI Act
// dates as content with their texts in all four languages compiled in, the "facts as of" section
// on the results and roadmap, its calendar events) added 6.1 KB of wasm (322,145 -> 328,208 B)
// and 0.6 KB of texts: English 391,952 B, German 398,130 B, French 399,394 B, Spanish
// 396,596 B; budgets about 1.5 % above those. The last part of issue 25 (importers, distributors
// and authorised representatives, their dated duties in four languages, the term notes) made it
// English 398,011 B, German 404,386 B, French 405,620 B, Spanish 402,865 B: budgets 0.5 % above,
// until the split start module (issue 29) resets them. Issue 27 (names, notes and the consensus
// in the team view, the workshop entry, the phone's scrolling, menu and tap targets) added
// 12.8 KB of wasm (333,769 -> 346,916 B) and 0.5 KB of texts: English 412,564 B, German
// 419,076 B, French 420,323 B, Spanish 417,526 B; budgets 0.5 % above, for issue 29 to bring
// down (the team view and everything after "see results" leave the start module). The first
// parts of issue 28 (deletion and the start screen's survey as runtime commands, one
// organisation summary, names that always fit) and the later fixes of 27 added 2.3 KB: English
// 414,836 B, German 421,354 B, French 422,591 B, Spanish 419,800 B; budgets 0.5 % above. Issue
// 28's message ids that need no list (the hash of the English text, 27 bits: a 4-byte constant
// at each of about 700 marks in the wasm where a place in a list took 2; texts placed by hash
// compress a little worse) added 2.6 KB (wasm 349,390 -> 351,548 B, English texts 44,483 ->
// 44,943 B): English 417,767 B, German 424,171 B, French 425,525 B, Spanish 422,641 B; budgets
// 0.5 % above. The wasm alone is printed too. Issue 29's first step, the screens after "see
// results" in a later module (src/ui/later.rs, scripts/split.mjs): the start-up fell to English
// 363,020 B (start module 296,304 B), and the whole visit, with the later module, is budgeted
// on its own; budgets 0.5 % above. Then every export but the save file went to the later module
// too: start module 249,092 B, English start-up 316,728 B, whole visit 431,294 B. Issue 28's
// notices as data (what happened, worded when shown) cost the start module 3,574 B (the error
// types they now hold bring their clone and comparison code along): 252,666 B. Issue 30's Excel
// workbook (formats/xlsx.rs, formats/workbook.rs, in the later module) added 10,276 B to the
// later module (124,842 B) and 215 B to the start module (downloads of bytes): English start-up
// 320,723 B, whole visit 445,565 B; budgets 0.5 % above. Issue 30 may add at most 40,000 B to
// the whole visit it started from (435,0xx B English), so its exports must stay under 475,000 B.
// The Word report and adviser's sheet (formats/docx.rs) and the CISO Assistant files
// (formats/ciso_assistant.rs) added 9,550 B to the later module (134,392 B), the start module
// none (252,629 B): English whole visit 454,964 B; budgets 0.5 % above. The report's summary
// page, the host on its cover and the share sheet: later module 137,258 B, start module
// 253,054 B (+388 B over issue 30's start: the share sheet's browser imports stay in the start
// module, whose import table every module shares); English whole visit 458,626 B. The report's
// organisation and author (saved with the answers, so read by the start module's decoder), the
// Word layout and the host's name in Word: start module 254,203 B, later module 139,437 B,
// English start-up 322,602 B, whole visit 462,039 B (issue 30 so far: +27 KB of its 40 KB);
// budgets 0.5 % above. The host's logo in Word (the start module keeps the host's settings for
// the exports): start module 254,949 B, later module 140,942 B, English start-up 323,349 B,
// whole visit 464,291 B (issue 30: +29 KB of its 40 KB); budgets 0.5 % above. The report's
// voice (organisation, not "you") and an SVG/WebP logo drawn as a PNG for Word (through Reflect,
// whose imports the start module has: typed canvas bindings cost it 606 B, this 333 B): start
// module 255,341 B, later module 142,264 B, English start-up 323,903 B, whole visit 466,167 B.
// Issue 31's host-only settings (the look, call to action and course links read from host.json,
// refused from the URL unless host.json turns URL settings on) are read at start: start module
// 257,278 B (+1,937 B), English start-up 325,846 B, whole visit 468,073 B; budgets 0.5 % above.
// Its lifecycle events (host.json's "events", told once per page, and the sentence in "Your
// data" saying what the host receives): start module 259,399 B (+2,121 B), English start-up
// 328,332 B, whole visit 469,397 B; budgets 0.5 % above. Host texts per language (read with
// host.json at start) and the richer hand-off (profile, blockers' titles, name, organisation and
// phone fields, in the later module): start module 261,055 B, later module 143,258 B, English
// start-up 330,074 B, whole visit 473,332 B; budgets 0.5 % above. Then the studio's warnings,
// one event per moment and the readable text colour on a host's accent (without powf, whose
// code cost 1.6 KB): start module 261,814 B, English start-up 330,988 B (within the budgets).
// Issue 29's three-way split: the profile and questions screens in a module of their own
// (questions 22,857 B, a chunk both later modules share 2,037 B): start module 240,912 B
// (-20,859 B), English start-up 310,299 B, whole visit 478,549 B (+4,084 B: a third module's
// imports, exports and table); budgets 0.5 % above. Issue 30's charts as pictures in the Word
// report (drawn on a canvas in the later module, 2,742 B there): whole visit 481,492 B, within
// issue 30's allowance of 40,000 B over 445,565 B; visit budgets 0.5 % above. A host's accent
// as a text colour per scheme (start module +752 B), then the content files writing a repeated
// text once (formats::packed: English 45,647 -> 43,503 B, German -2,864 B, French -3,094 B,
// Spanish -2,781 B): English start-up 309,282 B, whole visit 480,143 B; budgets 0.5 % above.
// The step navigation and the share link's encoder in the questions module: start module
// 236,351 B (-5,509 B), English start-up 303,764 B, whole visit 480,909 B; budgets 0.5 % above.
// A first visit's questionnaires after the start bytes (the content file keeps the texts and
// what the start screen shows of the questionnaires: English 43,503 -> 14,649 B, the
// questionnaires 29,580 B come with the later modules; the shell holds a click until they are
// here): English start-up 279,218 B (-24,577 B), German 281,219 B, French 281,567 B, Spanish
// 280,718 B; the start module grew 3,507 B (holding and replaying events, the library in two
// parts, the heads' reader) and two files share fewer texts (+726 B): whole visit 485,711 B
// (+4,768 B); budgets 0.5 % above. "Your data" (-2,670 B), the import confirmation (-1,738 B)
// and the notices with their wording (-2,874 B) into the questions module: start module
// 232,576 B, English start-up 271,930 B, whole visit 488,124 B (+2,413 B: each move adds its
// imports and exports); budgets 0.5 % above. The notice for a missing part promising nothing
// where no assessment is open (+180 B, and 16 B of English texts): English start-up 272,139 B.
// Short names for the start module's JS imports, in the wasm and the glue
// (scripts/short-imports.mjs): wasm -4,374 B, glue -2,458 B: English start-up 265,325 B, German
// 267,364 B, French 267,643 B, Spanish 266,813 B, whole visit 481,619 B; budgets 0.5 % above.
// The stylesheet and boot.js without comments and indentation (post-build `compact`: -1,162 B
// and -2,007 B): English start-up 262,156 B, German 264,195 B, French 264,474 B, Spanish
// 263,644 B, whole visit 478,450 B; budgets 0.5 % above.
// Only the start screen's texts in the content file (build.rs `start_texts`, with their ids so
// the app can tell a text they lack; every other text comes with the questionnaires): English
// content 14,665 -> 3,148 B, start module +1,264 B (the second set of texts, the wait for them):
// English start-up 251,904 B, German 252,300 B, French 252,327 B, Spanish 252,212 B; whole visit
// 480,435 B (+1,985 B: two files share fewer texts); budgets 0.5 % above.
// The reducer (every machine, storage's runtime, the saved format, share links, downloads) in
// the questions module, which the shell waits for before it sends any event (src/ui/reducer.rs):
// start module 229,665 -> 159,754 B, questions module 35,901 -> 97,487 B, their shared chunk
// 4,701 -> 18,925 B: English start-up 181,990 B (issue 29's 200,000 met in every language),
// German 182,386 B, French 182,413 B, Spanish 182,298 B; whole visit 486,236 B (+5,801 B: the
// modules' imports and exports); budgets 0.5 % above. boot.js requesting the later module only
// once the questions module and questionnaires are in, and the app waiting for the lock: +232 B
// (English start-up 182,279 B), within the budgets. Lighter views (issue 29, point 4): no
// classes!, stateless screens and pieces as functions instead of components, the host's pieces
// given its settings by their screen: start module -2.4 KB, questions -2.1 KB, later -6.5 KB;
// English start-up 179,407 B, German 179,803 B, French 179,830 B, Spanish 179,715 B; whole visit
// 476,753 B, German 482,715 B, French 483,868 B, Spanish 481,294 B; budgets 0.5 % above. The
// timeline, bar chart and results' details reading their data by reference: whole visit 475,684 B,
// German 481,646 B, French 482,799 B, Spanish 480,225 B; visit budgets 0.5 % above.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = { en: 180_300, de: 180_700, fr: 180_700, es: 180_600 };
// Everything a visit downloads: the start-up bytes and the later modules.
const VISIT_BUDGET_GZIP_BYTES = { en: 478_100, de: 484_100, fr: 485_200, es: 482_700 };
// Issue 29's targets, printed beside the budgets until they are met.
const START_TARGET = 200_000;
const VISIT_TARGET = 400_000;
const LANG_OVER_ENGLISH = 8_000;
const dist = 'dist';
const gz = (name) => gzipSync(readFileSync(join(dist, name)), { level: 9 }).length;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const referenced = [
  ...html.matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)="\.\/([^"]+)"/g),
  ...html.matchAll(/<meta name="aims-wasm" content="\.\/([^" ]+)/g),
].map((m) => m[1]);
if (!referenced.some((f) => f.endsWith('_bg.wasm'))) throw new Error('size check: index.html references no wasm');
const perLang = (name) => new Map(
  (html.match(new RegExp(`<meta name="${name}" content="([^"]*)"`))?.[1] ?? '')
    .split(',')
    .map((e) => e.trim().split(/\s+/))
    .filter((p) => p.length === 3)
    .map(([lang, file]) => [lang, file.replace(/^\.\//, '')]),
);
// A first visit's start-up takes the texts and what the start screen shows of the
// questionnaires; the questionnaires come with the later modules (a returning visitor's
// start-up takes both, printed too).
const content = perLang('aims-content');
const questions = perLang('aims-questions');
// The split loader is imported by the glue (scripts/split.mjs): part of the start-up too.
const glueName = referenced.find((f) => f.endsWith('.js') && !f.startsWith('boot-'));
const imported = [...readFileSync(join(dist, glueName), 'utf8').matchAll(/from ["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]);
// The later modules (the screens after "see results"), requested once the start-up bytes are in.
const later = (html.match(/<meta name="aims-modules" content="([^"]*)"/)?.[1] ?? '')
  .split(',')
  .map((e) => e.trim().split(/\s+/))
  .filter((p) => p.length === 3)
  .map(([, file]) => file.replace(/^\.\//, ''));
const shared = ['index.html', ...new Set([...referenced, ...imported])];
const sharedBytes = shared.reduce((sum, f) => sum + gz(f), 0);
const laterBytes = later.reduce((sum, f) => sum + gz(f), 0);
for (const f of shared) console.log(`  ${f}: ${gz(f)} B gzip`);
for (const f of later) console.log(`  ${f}: ${gz(f)} B gzip (later)`);
let failed = false;
const totals = {};
for (const [lang, budget] of Object.entries(BUDGET_GZIP_BYTES)) {
  const file = content.get(lang);
  if (!file) throw new Error(`size check: no content file for ${lang} in index.html`);
  const total = (totals[lang] = sharedBytes + gz(file));
  const over = lang === 'en' ? '' : ` (${total - totals.en >= 0 ? '+' : ''}${total - totals.en} B over English)`;
  console.log(`start-up download (${lang}): ${total} B gzip${over} (${file}: ${gz(file)} B); budget ${budget}, target ${START_TARGET}`);
  if (total > budget) {
    console.error(`size check failed: the ${lang} start-up download is ${total - budget} B over its budget`);
    failed = true;
  }
  if (total - totals.en > LANG_OVER_ENGLISH) {
    console.error(`size check failed: the ${lang} start-up download is ${total - totals.en} B above English (at most ${LANG_OVER_ENGLISH})`);
    failed = true;
  }
  const rest = questions.get(lang);
  if (!rest) throw new Error(`size check: no questions file for ${lang} in index.html`);
  console.log(`  returning visitor's start-up (${lang}): ${total + gz(rest)} B gzip (${rest}: ${gz(rest)} B)`);
  const visit = total + gz(rest) + laterBytes;
  console.log(`whole visit (${lang}): ${visit} B gzip; budget ${VISIT_BUDGET_GZIP_BYTES[lang]}, target ${VISIT_TARGET}`);
  if (visit > VISIT_BUDGET_GZIP_BYTES[lang]) {
    console.error(`size check failed: the ${lang} whole visit is ${visit - VISIT_BUDGET_GZIP_BYTES[lang]} B over its budget`);
    failed = true;
  }
}
// Content per language means the wasm carries no language's interface texts, English
// included: every English text and every translation of a catalogue (longer than a few words, so
// a short one shared by chance does not count) must be absent from it. Found once: a workspace
// build had compiled the German catalogue back in.
const wasm = Buffer.concat([referenced.find((f) => f.endsWith('_bg.wasm')), ...later].map((f) => readFileSync(join(dist, f))));
const poStrings = (text, keyword) =>
  [...text.matchAll(new RegExp(`^${keyword} ((?:"(?:[^"\\\\]|\\\\.)*"\\s*)+)`, 'gm'))]
    .map((m) => [...m[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((p) => JSON.parse(`"${p[1]}"`)).join(''));
for (const po of readdirSync('locales').filter((f) => f.endsWith('.po'))) {
  const text = readFileSync(join('locales', po), 'utf8');
  for (const [what, keyword] of [['English texts', 'msgid(?:_plural)?'], ['translations', 'msgstr(?:\\[\\d\\])?']]) {
    const texts = [...new Set(poStrings(text, keyword))].filter((t) => t.length >= 24);
    if (texts.length < 10) throw new Error(`size check: read only ${texts.length} ${what} from locales/${po}`);
    const inWasm = texts.filter((t) => wasm.includes(Buffer.from(t)));
    console.log(`${what} of ${po} in the wasm: ${inWasm.length} of ${texts.length}`);
    if (inWasm.length) {
      console.error(`size check failed: the wasm holds ${inWasm.length} ${what} of locales/${po} (first: ${JSON.stringify(inWasm[0].slice(0, 60))}); they belong in the content files`);
      failed = true;
    }
  }
}
if (failed) process.exit(1);
