// Host-page helper for embedding the readiness check, the one script a host page needs.
//
// 1. The element <aims-readiness src="/readiness/" questionnaire="iso42001-quick-scan" lang="fr">
//    creates the widget's sandboxed iframe in place of its content (write a plain link to the
//    widget inside it: that is what a browser without JavaScript shows). Attributes: `src` (the
//    folder holding dist/, default "./"), `questionnaire`, `lang`, `theme` (light, dark,
//    system), `hide-title` (your page has its own title), `label` (the frame's accessible name)
//    and `widget-id` (otherwise the element's id, otherwise a number). Several on one page work.
// 2. Every such iframe, and every <iframe data-aims-readiness> written by hand, is sized to its
//    content, and brought into view when the widget opens a new screen.
// 3. Lifecycle events, if the site's host.json asks for them: the element (or the hand-written
//    iframe) receives `aims-readiness:started` and `aims-readiness:completed` DOM events whose
//    `detail` holds the questionnaire's id and, if host.json asks, the readiness band. Never an
//    answer: the widget sends nothing else, and this script forwards nothing else.
// It accepts messages only from those iframes, so several widgets on one page never interfere.
(() => {
  if (window.aimsReadinessEmbed) return; // the script included twice
  window.aimsReadinessEmbed = true;
  const MAX = 100000;
  const plain = (value) => typeof value === 'string' && /^[a-z0-9-]{1,60}$/.test(value);

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data.type !== 'string') return;
    const frame = [...document.querySelectorAll('iframe[data-aims-readiness]')].find((f) => f.contentWindow === event.source);
    if (!frame) return;
    if (data.type === 'aims-readiness:height') {
      const height = Number(data.height);
      if (Number.isFinite(height) && height > 0 && height < MAX) {
        frame.style.height = `${Math.ceil(height)}px`;
      }
    } else if (data.type === 'aims-readiness:top') {
      // Bring the new screen's heading (or the question asked for) to the top of the view,
      // unless it is already in the top third.
      const offset = Math.min(Math.max(Number(data.offset) || 0, 0), MAX);
      const top = frame.getBoundingClientRect().top + offset;
      if (top < 0 || top > window.innerHeight / 3) {
        window.scrollBy({ top, left: 0, behavior: 'instant' });
      }
    } else if ((data.type === 'aims-readiness:started' || data.type === 'aims-readiness:completed') && plain(data.questionnaire)) {
      // Rebuilt from the checked fields only: nothing else the frame might send gets through.
      const detail = { questionnaire: data.questionnaire };
      if (data.type === 'aims-readiness:completed' && plain(data.band)) detail.band = data.band;
      const target = frame.closest('aims-readiness') ?? frame;
      target.dispatchEvent(new CustomEvent(data.type, { bubbles: true, composed: true, detail }));
    }
  });

  if (!window.customElements || customElements.get('aims-readiness')) return;
  let count = 0;
  class AimsReadiness extends HTMLElement {
    connectedCallback() {
      if (this.querySelector(':scope > iframe[data-aims-readiness]')) return;
      const folder = this.getAttribute('src') || './';
      const url = new URL(folder.endsWith('/') ? `${folder}index.html` : folder, document.baseURI);
      for (const key of ['questionnaire', 'lang', 'theme']) {
        const value = this.getAttribute(key);
        if (value) url.searchParams.set(key, value);
      }
      if (this.hasAttribute('hide-title')) url.searchParams.set('title', 'hide');
      count += 1;
      const id = this.getAttribute('widget-id') || this.id || `aims-readiness-${count}`;
      url.searchParams.set('id', id.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40));
      const frame = document.createElement('iframe');
      frame.setAttribute('data-aims-readiness', '');
      frame.title = this.getAttribute('label') || 'ISO/IEC 42001 readiness check';
      // What the widget needs and nothing more: its scripts and storage, its forms (handled in
      // the page, never sent), downloads (the exports), the print dialog, links it opens in a
      // new tab (the host's courses) or in the mail program (the hand-off), and the clipboard
      // and share sheet.
      frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-downloads allow-modals allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation');
      frame.setAttribute('allow', 'clipboard-write; web-share');
      frame.style.cssText = 'display:block;width:100%;height:640px;border:0';
      frame.src = url.href;
      this.replaceChildren(frame);
    }
  }
  customElements.define('aims-readiness', AimsReadiness);
})();
