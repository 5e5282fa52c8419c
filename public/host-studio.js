// The host studio: a form for host.json beside the live widget. The preview is the widget itself
// (index.html in a frame of this site), which asks this page for its host.json
// (window.aimsReadinessStudio, read by boot.js from a same-origin parent only) and reports what it
// refused (window.aimsReadinessWarnings): every problem is the widget's own validation, shown next
// to its field. Texts the widget takes per language are written one language at a time; an
// opened host.json fills the form and what it has no field for is written back unchanged.
// Nothing leaves the page; host.json and the snippet are downloaded or copied.
(() => {
  const BANDS = [
    ['early-stage', 'Early stage'], ['not-ready', 'Not ready for a certification audit'], ['indicative', 'Indicative (quick scan)'],
    ['stage1-ready', 'Ready for stage 1'], ['nearly-ready', 'Nearly ready'], ['audit-ready', 'Ready for the certification audit'],
  ];
  const SECTIONS = [['4', 'Clause 4'], ['5', 'Clause 5'], ['6', 'Clause 6'], ['7', 'Clause 7'], ['8', 'Clause 8'], ['9', 'Clause 9'], ['10', 'Clause 10'],
    ...['A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8', 'A.9', 'A.10'].map((a) => [a, `Annex ${a}`])];
  const PHASES = [['1', 'Phase 1: assessment and planning'], ['2', 'Phase 2: AIMS design'], ['3', 'Phase 3: implementation and training'],
    ['4', 'Phase 4: internal audit and management review'], ['5', 'Phase 5: certification audit']];
  const LANGS = [['en', 'English'], ['de', 'Deutsch'], ['fr', 'Français'], ['es', 'Español']];
  // The texts host.json may give per language (the widget's host::config::LOCALISED).
  const LOCALISED = /^(name|logo-alt|cta\.label|(bands|weakest)\..+\.(message|cta\.label))$/;
  const samples = JSON.parse(document.querySelector('meta[name="aims-samples"]').content || '{}');
  const form = document.getElementById('studio');
  const $ = (id) => document.getElementById(id);

  const field = (parent, key, label, attrs = {}) => {
    const p = document.createElement('p');
    const id = `f-${key.replace(/[^A-Za-z0-9-]/g, '-')}`;
    const l = document.createElement('label');
    l.htmlFor = id;
    l.textContent = label;
    const input = document.createElement(attrs.multiline ? 'textarea' : 'input');
    input.id = id;
    input.dataset.key = key;
    if (attrs.max) input.maxLength = attrs.max;
    if (attrs.placeholder) input.placeholder = attrs.placeholder;
    p.append(l, input);
    parent.append(p);
  };
  const group = (parent, title) => {
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = title;
    details.append(summary);
    parent.append(details);
    return details;
  };
  for (const [key, title] of BANDS) {
    const g = group($('bands'), title);
    field(g, `bands.${key}.message`, 'Message (plain text, up to 400 characters)', { multiline: true, max: 400 });
    field(g, `bands.${key}.cta.label`, 'Call to action: label', { max: 40 });
    field(g, `bands.${key}.cta.url`, 'Call to action: link (https:// or mailto:)');
  }
  for (const [key, title] of SECTIONS) {
    const g = group($('weakest'), title);
    field(g, `weakest.${key}.message`, 'Message when this is the weakest section', { multiline: true, max: 400 });
    field(g, `weakest.${key}.cta.label`, 'Call to action: label', { max: 40 });
    field(g, `weakest.${key}.cta.url`, 'Call to action: link (https:// or mailto:)');
  }
  for (const [key, title] of [...PHASES, ...SECTIONS.slice(7).map(([k, t]) => [k, `${t} controls`])]) {
    field($('courses'), `courses.${key}`, title, { placeholder: 'https://' });
  }
  for (const [key, title] of BANDS) {
    if (!samples[key]) continue;
    const option = document.createElement('option');
    option.value = key;
    option.textContent = title;
    $('band').append(option);
  }

  // Texts per language: key -> Map(language -> text as typed), '' being the host's own
  // language; the fields show the language being written (`writing`).
  const texts = new Map();
  let writing = '';
  // Settings of an opened host.json that the form has no field for: kept, and written back.
  let extra = {};
  const own = () => $('language').value || 'en';
  const code = (lang) => lang || own();
  const langName = (c) => LANGS.find(([k]) => k === c)?.[1] ?? c;
  const localisedInputs = () => [...form.querySelectorAll('[data-key]')].filter((i) => LOCALISED.test(i.dataset.key));
  const filled = (value) => value.trim() !== '';

  // A field's place in host.json. Band and section ids hold dots (A.6): rejoin what the key's
  // shape says is one id.
  const pathOf = (key) => {
    const path = key.split('.');
    return (path[0] === 'weakest' || path[0] === 'courses') && path[1] === 'A' ? [path[0], `A.${path[2]}`, ...path.slice(3)] : path;
  };
  // A field's value as host.json holds it, or undefined when it is empty.
  const valueOf = (input) => {
    const key = input.dataset.key;
    if (LOCALISED.test(key)) {
      const given = [...(texts.get(key) ?? [])].filter(([, text]) => filled(text));
      if (given.length === 0) return undefined;
      if (given.length === 1 && given[0][0] === '') return given[0][1];
      return Object.fromEntries(given.map(([lang, text]) => [code(lang), text]));
    }
    if (!filled(input.value)) return undefined;
    if (key === 'events') return input.value === 'band' ? { band: true } : true;
    return input.value;
  };
  // host.json from the form (only what is filled in, as typed) and what an opened file held
  // beyond it (the form wins where both say something).
  const collect = () => {
    const out = {};
    for (const input of form.querySelectorAll('[data-key]')) {
      const value = valueOf(input);
      if (value === undefined) continue;
      const parts = pathOf(input.dataset.key);
      let at = out;
      for (const part of parts.slice(0, -1)) at = at[part] ??= {};
      at[parts.at(-1)] = value;
    }
    return merge(out, extra);
  };
  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const merge = (into, from) => {
    for (const [key, value] of Object.entries(from)) {
      if (!(key in into)) into[key] = structuredClone(value);
      else if (isObject(into[key]) && isObject(value)) merge(into[key], value);
    }
    return into;
  };

  // The language being written: its options are the host's own language and the others.
  const writingOptions = () => {
    for (const by of texts.values()) {
      // A language that became the host's own: its texts are now the own language's.
      if (by.has(own())) {
        if (!filled(by.get('') ?? '')) by.set('', by.get(own()));
        by.delete(own());
      }
    }
    if (writing === own()) writing = '';
    $('texts-lang').replaceChildren(...['', ...LANGS.map(([c]) => c).filter((c) => c !== own())].map((c) => {
      const option = document.createElement('option');
      option.value = c;
      option.textContent = c ? langName(c) : `Your own language (${langName(own())})`;
      return option;
    }));
    $('texts-lang').value = writing;
  };
  // The fields show the texts in the language being written; an empty one says what a visitor
  // reads instead (the widget's fallback: the own language, then English, then the first given).
  const showTexts = () => {
    for (const input of localisedInputs()) {
      const by = texts.get(input.dataset.key) ?? new Map();
      input.value = by.get(writing) ?? '';
      input.lang = code(writing);
      const fallback = writing ? [by.get(''), by.get('en'), ...by.values()].find((t) => t && filled(t)) : undefined;
      input.placeholder = fallback ? `Not written in ${langName(code(writing))}: visitors read “${fallback}”` : '';
    }
  };
  const setText = (key, value) => {
    if (!texts.has(key)) texts.set(key, new Map());
    texts.get(key).set(writing, value);
  };
  const text = () => `${JSON.stringify(collect(), null, 2)}\n`;
  window.aimsReadinessStudio = text;

  // The problems the widget reported, next to their fields.
  const fieldsFor = (path) => [...form.querySelectorAll('[data-key]')].filter((i) => {
    const key = i.dataset.key;
    return key === path || key.startsWith(`${path}.`);
  });
  const show = (warnings) => {
    for (const old of form.querySelectorAll('.problem')) old.remove();
    for (const input of form.querySelectorAll('[aria-invalid]')) {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    }
    let shown = 0;
    for (const warning of warnings) {
      const match = /^host\.json: ignored "?([^":]+?)"?(?::|$)/.exec(warning.replace(/[\u2068\u2069]/g, ''));
      if (!match) continue;
      const targets = fieldsFor(match[1].trim());
      const target = targets[0] ?? $('json');
      const note = document.createElement('span');
      note.className = 'problem';
      note.id = `problem-${shown}`;
      note.textContent = warning.replace(/^host\.json: /, '').replace(/[\u2068\u2069]/g, '');
      target.setAttribute('aria-invalid', 'true');
      target.setAttribute('aria-describedby', note.id);
      target.after(note);
      details(target);
      shown += 1;
    }
    $('problems-summary').textContent = shown === 0 ? 'No problems: the widget applies every setting.' : `${shown} problem${shown === 1 ? '' : 's'}: see the marked fields.`;
  };
  const details = (el) => {
    const d = el.closest('details');
    if (d) d.open = true;
  };

  // The preview: a fresh frame for every change (the widget reads host.json once, at start).
  let timer = null;
  const preview = () => {
    clearTimeout(timer);
    const lang = $('preview-lang').value;
    const band = $('band').value;
    const old = $('preview');
    const frame = document.createElement('iframe');
    frame.id = 'preview';
    frame.title = old.title;
    frame.src = `index.html?lang=${lang}${band ? `#${samples[band]}` : ''}`;
    frame.addEventListener('load', () => {
      const poll = (n) => {
        const warnings = frame.contentWindow?.aimsReadinessWarnings;
        if (typeof warnings === 'string') show(warnings.split('\n').filter(Boolean));
        else if (n < 100) setTimeout(() => poll(n + 1), 50);
      };
      poll(0);
    });
    old.replaceWith(frame);
    $('json').value = text();
    $('snippet').value = snippet();
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(preview, 400);
  };
  const snippet = () => '<aims-readiness src="/readiness/" questionnaire="iso42001-quick-scan">\n'
    + '  <a href="/readiness/index.html?questionnaire=iso42001-quick-scan">Check your readiness for ISO/IEC 42001</a>\n'
    + '</aims-readiness>\n<script src="/readiness/embed.js"></script>\n';

  form.addEventListener('input', (event) => {
    const key = event.target.dataset?.key;
    if (key && LOCALISED.test(key)) setText(key, event.target.value);
  });
  form.addEventListener('input', soon);
  form.addEventListener('change', soon);
  $('language').addEventListener('change', () => {
    writingOptions();
    showTexts();
  });
  $('texts-lang').addEventListener('change', (event) => {
    event.stopPropagation();
    writing = $('texts-lang').value;
    showTexts();
    $('preview-lang').value = code(writing);
    preview();
  });
  $('open').addEventListener('change', async () => {
    const file = $('open').files[0];
    if (!file) return;
    $('open').value = '';
    const name = `\u2068${file.name.length > 40 ? `${file.name.slice(0, 39)}…` : file.name}\u2069`;
    let host;
    try {
      host = JSON.parse(await file.text());
    } catch {
      $('open-status').textContent = `${name} is not JSON: the form is unchanged.`;
      return;
    }
    if (!isObject(host)) {
      $('open-status').textContent = `${name} holds no settings (host.json is one JSON object): the form is unchanged.`;
      return;
    }
    load(host);
    $('open-status').textContent = `Opened ${name}: its settings are in the form${Object.keys(extra).length ? '; those the form has no field for are kept as they are' : ''}.`;
  });
  $('band').addEventListener('change', preview);
  $('preview-lang').addEventListener('change', preview);
  $('logo-file').addEventListener('change', () => {
    const file = $('logo-file').files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.addEventListener('load', () => {
      $('logo').value = String(reader.result);
      soon();
    });
    reader.readAsDataURL(file);
  });
  $('logo-clear').addEventListener('click', () => {
    $('logo').value = '';
    $('logo-file').value = '';
    soon();
  });
  $('download').addEventListener('click', () => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text()], { type: 'application/json' }));
    a.download = 'host.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  // An opened host.json into the form: each field takes its setting; per-language texts take
  // each language; anything else stays in `extra`, written back as it was.
  const load = (host) => {
    const rest = structuredClone(host);
    const take = (parts) => {
      const parent = parts.slice(0, -1).reduce((at, part) => (isObject(at) ? at[part] : undefined), rest);
      if (!isObject(parent) || !(parts.at(-1) in parent)) return undefined;
      return { value: parent[parts.at(-1)], drop: () => delete parent[parts.at(-1)] };
    };
    texts.clear();
    writing = '';
    const language = take(['language']);
    const known = language && LANGS.some(([c]) => c === language.value);
    $('language').value = known && language.value !== 'en' ? language.value : '';
    if (known) language.drop();
    for (const input of form.querySelectorAll('[data-key]')) {
      const key = input.dataset.key;
      if (key === 'language') continue;
      if (!LOCALISED.test(key)) input.value = '';
      const found = take(pathOf(key));
      if (!found) continue;
      const { value, drop } = found;
      if (LOCALISED.test(key) && typeof value === 'string') {
        texts.set(key, new Map([['', value]]));
        drop();
      } else if (LOCALISED.test(key) && isObject(value)) {
        const by = new Map();
        for (const [lang, text] of Object.entries(value)) {
          if (typeof text !== 'string' || !LANGS.some(([c]) => c === lang)) continue;
          by.set(lang === own() ? '' : lang, text);
          delete value[lang];
        }
        texts.set(key, by);
        if (Object.keys(value).length === 0) drop();
      } else if (key === 'events' && (value === true || (isObject(value) && value.band === true && Object.keys(value).length === 1))) {
        input.value = value === true ? 'true' : 'band';
        drop();
      } else if (typeof value === 'string' && key !== 'events') {
        input.value = value;
        drop();
      }
    }
    const prune = (obj) => {
      for (const [key, value] of Object.entries(obj)) {
        if (isObject(value) && Object.keys(prune(value)).length === 0) delete obj[key];
      }
      return obj;
    };
    extra = prune(rest);
    writingOptions();
    showTexts();
    $('preview-lang').value = own();
    preview();
  };
  writingOptions();
  preview();
})();
