// The citequiz bench page: the Wasm and the quiz data in parallel, then
// Widget.mount. Without &article=1 the article pane is not rendered, so the
// page does what its peers do (show the first question); the article is
// still parsed and every citation anchored, which is citequiz's own work.
// With &compiled=1 the data is one compiled bank (article null): the fast
// path, which neither validates nor anchors, in the player's Wasm (the
// widget built for compiled banks only), as www/load.js starts it.
// bench/peers.mjs bundles it with both glues ('citequiz',
// www/pkg/citequiz.js; 'citequiz-player', www/pkg/citequiz_player.js), as
// the widget's pages carry both.
import initFull, { Widget as FullWidget } from 'citequiz';
import initPlayer, { Widget as PlayerWidget } from 'citequiz-player';

const params = new URLSearchParams(location.search);
const [init, Widget] = params.has('compiled') ? [initPlayer, PlayerWidget] : [initFull, FullWidget];
const [bank, article] = await Promise.all([...window.benchData, init({ module_or_path: window.benchWasm })]);
window.widget = Widget.mount(document.getElementById('quiz'), bank, article, {
  showArticle: params.has('article'),
  seed: 1,
});
