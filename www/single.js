// `citequiz build`'s self-contained page: decodes the Wasm held in the
// page, instantiates it, and mounts the widget on the bank and article the
// page holds (see src/package). scripts/build-wasm.sh bundles it with the
// wasm-bindgen glue and minifies it into pkg/single.js, which `citequiz
// build` inlines: one minified module, not the glue as wasm-bindgen writes it.
// The page holds the player's Wasm with a compiled bank (no article), the
// full widget's with a raw bank and its article (src/package, `page`): the
// same test picks the glue here.
import initFull, { Widget as FullWidget } from './pkg/citequiz.js';
import initPlayer, { Widget as PlayerWidget } from './pkg/citequiz_player.js';

const host = document.getElementById('quiz');
const text = (id) => document.getElementById(id).textContent;
const wasmBytes = () => {
  const bin = atob(text('citequiz-wasm'));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
};
const start = async () => {
  const bankText = text('citequiz-bank');
  // Empty for a compiled bank, which carries its article.
  const articleText = text('citequiz-article') || null;
  const [init, Widget] = articleText === null ? [initPlayer, PlayerWidget] : [initFull, FullWidget];
  await init({ module_or_path: wasmBytes() });
  const bankId = JSON.parse(bankText).id;
  // Set by citequiz-scorm.js in a SCORM package; absent in the plain page.
  const runtime = window.citequizRuntime;
  const storageKey = runtime ? runtime.storageKey(bankId) : 'citequiz:' + bankId;
  if (runtime) runtime.beforeMount(host, storageKey);
  try {
    window.citequiz = Widget.mount(host, bankText, articleText, { storageKey });
  } catch (e) {
    if (!host.querySelector('.citequiz-error')) {
      Widget.showError(host, 'The quiz could not be loaded', String(e.message || e), e.diagnostics || []);
    }
    console.warn(e);
  } finally {
    host.removeAttribute('aria-busy');
  }
};
start().catch((e) => {
  host.textContent = '';
  const p = document.createElement('p');
  p.className = 'citequiz-fatal';
  p.setAttribute('role', 'alert');
  p.textContent = `The quiz could not start: ${e.message || e}`;
  host.append(p);
  host.removeAttribute('aria-busy');
});
