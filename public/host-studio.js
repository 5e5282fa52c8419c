// The host studio: a form for host.json beside the live widget. The preview is the widget itself
// (index.html in a frame of this site), which asks this page for its host.json
// (window.aimsReadinessStudio, read by boot.js from a same-origin parent only) and reports what it
// refused (window.aimsReadinessWarnings): every problem is the widget's own validation, shown next
// to its field. Nothing leaves the page; host.json and the snippet are downloaded or copied.
(() => {
  const BANDS = [
    ['early-stage', 'Early stage'], ['not-ready', 'Not ready for a certification audit'], ['indicative', 'Indicative (quick scan)'],
    ['stage1-ready', 'Ready for stage 1'], ['nearly-ready', 'Nearly ready'], ['audit-ready', 'Ready for the certification audit'],
  ];
  const SECTIONS = [['4', 'Clause 4'], ['5', 'Clause 5'], ['6', 'Clause 6'], ['7', 'Clause 7'], ['8', 'Clause 8'], ['9', 'Clause 9'], ['10', 'Clause 10'],
    ...['A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8', 'A.9', 'A.10'].map((a) => [a, `Annex ${a}`])];
  const PHASES = [['1', 'Phase 1: assessment and planning'], ['2', 'Phase 2: AIMS design'], ['3', 'Phase 3: implementation and training'],
    ['4', 'Phase 4: internal audit and management review'], ['5', 'Phase 5: certification audit']];
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

  // host.json from the form: only what is filled in, nested by each field's key.
  const collect = () => {
    const out = {};
    for (const input of form.querySelectorAll('[data-key]')) {
      const value = input.value.trim();
      if (!value) continue;
      const path = input.dataset.key.split('.');
      // Band and section ids hold dots (A.6): rejoin what the key's shape says is one id.
      const parts = path[0] === 'weakest' || path[0] === 'courses' ? regroup(path) : path;
      let at = out;
      for (const part of parts.slice(0, -1)) at = at[part] ??= {};
      const last = parts.at(-1);
      at[last] = input.dataset.key === 'events' ? (value === 'band' ? { band: true } : true) : value;
    }
    return out;
  };
  const regroup = (path) => (path[1] === 'A' ? [path[0], `A.${path[2]}`, ...path.slice(3)] : path);
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

  form.addEventListener('input', soon);
  form.addEventListener('change', soon);
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
  preview();
})();
