// Host-page helper for embedding the readiness check: sizes each <iframe data-aims-readiness> to
// its content. It accepts only height messages, and only from those iframes, so several widgets
// on one page never interfere. The widget never sends answers to the host.
(() => {
  const MAX = 100000;
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'aims-readiness:height') return;
    const frame = [...document.querySelectorAll('iframe[data-aims-readiness]')].find((f) => f.contentWindow === event.source);
    const height = Number(data.height);
    if (frame && Number.isFinite(height) && height > 0 && height < MAX) {
      frame.style.height = `${Math.ceil(height)}px`;
    }
  });
})();
