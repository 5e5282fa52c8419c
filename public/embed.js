// Host-page helper for embedding the readiness check: sizes each <iframe data-aims-readiness> to
// its content, and brings a new screen's heading into view when the widget opens one. It
// accepts only these two messages, and only from those iframes, so several widgets on one page
// never interfere. The widget never sends answers to the host.
(() => {
  const MAX = 100000;
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
    }
  });
})();
