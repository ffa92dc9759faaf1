// The citequiz bench page: the Wasm and the quiz data in parallel, then
// Widget.mount. Without &article=1 the article pane is not rendered, so the
// page does what its peers do (show the first question); the article is
// still parsed and every citation anchored, which is citequiz's own work.
// With &compiled=1 the data is one compiled bank (article null): the fast
// path, which neither validates nor anchors.
// bench/peers.mjs bundles it with the glue ('citequiz', www/pkg/citequiz.js).
import init, { Widget } from 'citequiz';

const params = new URLSearchParams(location.search);
const wasm = '/lib/citequiz/citequiz_bg.wasm';
const [bank, article] = await Promise.all([...window.benchData, init({ module_or_path: wasm })]);
window.widget = Widget.mount(document.getElementById('quiz'), bank, article, {
  showArticle: params.has('article'),
  seed: 1,
});
