// citequiz's parent-side resizer: sizes every <iframe data-citequiz> to the
// height its embed.html reports, as H5P's resizer does. Load it once on the
// page that holds the iframes, as a classic or a module script:
//
//   <iframe data-citequiz src="https://quiz.example/embed.html?bank=…"
//           title="Quiz" style="width: 100%; border: 0"></iframe>
//   <script src="https://quiz.example/resizer.js" async></script>
//
// A message counts only when it comes from one of those iframes' windows.
(() => {
  if (window.citequizResizer) return;
  window.citequizResizer = true;

  const frames = () => document.querySelectorAll('iframe[data-citequiz]');

  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'citequiz:height') return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height <= 0) return;
    for (const frame of frames()) {
      if (frame.contentWindow === event.source) {
        frame.style.height = `${Math.min(Math.ceil(height), 100000)}px`;
        return;
      }
    }
  });

  // Embeds that reported before this script ran report again.
  const ask = (frame) => frame.contentWindow?.postMessage({ type: 'citequiz:measure' }, '*');
  for (const frame of frames()) {
    ask(frame);
    frame.addEventListener('load', () => ask(frame));
  }
})();
