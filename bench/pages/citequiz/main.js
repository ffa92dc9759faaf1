// The citequiz bench page: the Wasm and the quiz data in parallel, then
// Widget.mount. Without &article=1 the article pane is not rendered, so the
// page does what its peers do (show the first question); the article is
// still parsed and every citation anchored, which is citequiz's own work.
import init, { Widget } from '/lib/citequiz/citequiz.js';

const params = new URLSearchParams(location.search);
const [bank, article] = await Promise.all([...window.benchData, init()]);
window.widget = Widget.mount(document.getElementById('quiz'), bank, article, {
  showArticle: params.has('article'),
  seed: 1,
});
