// <cite-quiz>: the widget as a custom element, for any page on any origin.
//
//   <script type="module" src="https://quiz.example/citequiz.js"></script>
//   <cite-quiz bank="https://quiz.example/quiz-data/banks/gabuev-quick-check.json"
//              mode="exam" pool="5" tags="main-idea inference" lang="ru"
//              seed="42" show-article="false" id="week-3"></cite-quiz>
//
// Attributes: bank (required; resolved against the page's URL; the article
// is fetched relative to the bank), mode ("practice" | "exam"), seed, pool
// (how many questions to draw), tags (comma- or space-separated), lang (a
// BCP 47 tag; default the browser's), show-article ("false" hides the
// article), lrs (an xAPI endpoint: statements are also POSTed there, with
// the element's `lrsAuth` property as the Authorization header, queued in
// localStorage and retried while offline; see lrs.js), review ("off":
// answers do not update the learner's spaced-review schedule and no review
// bar shows), article-in (a CSS selector for the element of this page that
// holds the reading: see below). Changing one remounts the quiz.
//
// With article-in, the citations are anchored in that element's own text
// (across its inline markup, headings and paragraphs; footnote markers
// skipped) and "Show in article" scrolls the page there and highlights the
// passage with the CSS Custom Highlight API, never changing the page's DOM.
// The default style, `::highlight(citequiz)` in a cascade layer (so any rule
// of the page wins over it), is the one stylesheet this file gives the
// document, through document.adoptedStyleSheets (no element is added). The
// widget's own article pane shows only for evidence questions (sentences
// are picked there, in a list the keyboard and screen readers reach, or by
// a click on them in the page's text) and
// for a citation the page's text lacks, which the element reports on the
// console and as citequiz:anchor-failed. Without CSS.highlights, the widget
// shows its own pane as it does without article-in, and says so once.
//
// The widget lives in an open shadow root with its stylesheet adopted
// inside it, so the page's CSS and the widget's keep to themselves; theme
// it with the --citequiz-* custom properties (see style.css). Progress is
// saved per element: the storage key is the bank's URL and the element's
// id, or its index among the page's <cite-quiz> elements when it has none.
//
// Events (bubbling and composed, so a listener on document hears them):
// citequiz:ready (mounted; detail {bank}); with article-in, before it,
// citequiz:anchor-failed for each citation not found exactly in the page's
// text (detail {questionId, index, quote, match: 'none' | 'approximate',
// score}); then, each with an xAPI
// statement as its detail: citequiz:answered (verb answered, the question
// as a cmi.interaction, the result, the cited TextQuoteSelectors in a
// context extension), and at the end citequiz:passed or citequiz:failed
// (with the score) followed by citequiz:completed. The statements' actor
// is the element's `actor` property, set before the element connects
// ({name, mbox} or {name, account: {homePage, name}}); anonymous otherwise.
// Their activity id is the bank's URL.
import { mountQuiz } from './load.js';
import { LrsReporter } from './lrs.js';
import { showFatal, strings } from './fatal.js';

const STYLE_URL = new URL('style.css', import.meta.url);
const ATTRIBUTES = ['bank', 'mode', 'seed', 'pool', 'tags', 'lang', 'show-article', 'lrs', 'review', 'article-in'];

/** The highlight's default look, in a layer so that the page's own `::highlight(citequiz)` rule wins. */
const HIGHLIGHT_CSS = '@layer citequiz{::highlight(citequiz){background-color:Mark;color:MarkText}}';

let sheet;
let highlightSheet;

/** Gives the document the highlight's default style, once per page, without adding an element. */
function adoptHighlightStyle() {
  if (highlightSheet || !('adoptedStyleSheets' in document)) return;
  highlightSheet = new CSSStyleSheet();
  highlightSheet.replaceSync(HIGHLIGHT_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, highlightSheet];
}

/** The stylesheet, fetched once for every element on the page; null if it cannot be. */
function styleSheet() {
  sheet ??= fetch(STYLE_URL)
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${STYLE_URL}: ${r.status}`))))
    .then((css) => {
      const s = new CSSStyleSheet();
      s.replaceSync(css);
      return s;
    })
    .catch((e) => {
      console.warn(e);
      return null;
    });
  return sheet;
}

export class CiteQuiz extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #shadow;
  #widget = null;
  #generation = 0;
  #queued = false;
  #stopLrs = null;

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
  }

  /** The mounted Widget, or null while loading or after an error. */
  get widget() {
    return this.#widget;
  }

  connectedCallback() {
    this.#queue();
  }

  disconnectedCallback() {
    this.#generation++;
    this.#unmount();
    this.#stopLrs?.();
    this.#stopLrs = null;
  }

  /** Starts sending statements to the `lrs` attribute's endpoint, if any. */
  #startLrs() {
    this.#stopLrs?.();
    this.#stopLrs = null;
    const endpoint = this.getAttribute('lrs');
    if (!endpoint) return;
    const reporter = new LrsReporter(new URL(endpoint, document.baseURI).href, this.lrsAuth);
    const stop = reporter.listen(this);
    this.#stopLrs = () => { stop(); reporter.close(); };
    this.lrs = reporter;
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.isConnected) this.#queue();
  }

  /** Coalesces the attribute changes of one task into one mount. */
  #queue() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected) this.#mount();
    });
  }

  #unmount() {
    const w = this.#widget;
    this.#widget = null;
    w?.unmount();
  }

  async #mount() {
    const generation = ++this.#generation;
    this.#unmount();
    this.#startLrs();
    this.setAttribute('aria-busy', 'true');
    await this.#adoptStyles();
    const bank = this.getAttribute('bank');
    let widget = null;
    try {
      if (!bank) throw new Error(strings(this.getAttribute('lang')).noBank);
      const bankUrl = new URL(bank, document.baseURI);
      widget = await mountQuiz(this.#shadow, bankUrl, this.#options(bankUrl));
    } catch (e) {
      // No bank attribute, or the Wasm did not start: a plain message.
      if (generation === this.#generation) this.#fatal(e);
    }
    if (generation !== this.#generation) {
      // Attributes changed or the element left while this mount loaded.
      widget?.unmount();
      return;
    }
    this.#widget = widget;
    this.removeAttribute('aria-busy');
    if (widget) {
      this.dispatchEvent(new CustomEvent('citequiz:ready', { bubbles: true, composed: true, detail: { bank } }));
    }
  }

  async #adoptStyles() {
    const s = await styleSheet();
    if (s && 'adoptedStyleSheets' in this.#shadow) {
      this.#shadow.adoptedStyleSheets = [s];
    } else if (!this.#shadow.querySelector('link[rel=stylesheet]')) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = STYLE_URL.href;
      this.#shadow.prepend(link);
    }
  }

  #options(bankUrl) {
    const attr = (name) => this.getAttribute(name);
    const peers = [...this.getRootNode().querySelectorAll('cite-quiz')];
    const o = { storageKey: `citequiz:${bankUrl.href}#${this.id || peers.indexOf(this)}`, activity: bankUrl.href };
    if (this.actor) o.actor = this.actor;
    if (attr('mode')) o.mode = attr('mode');
    if (attr('seed') && Number.isFinite(Number(attr('seed')))) o.seed = Number(attr('seed'));
    if (attr('pool') && Number(attr('pool')) >= 1) o.pool = Math.floor(Number(attr('pool')));
    if (attr('tags')) o.tags = attr('tags');
    if (attr('lang')) o.lang = attr('lang');
    if (this.hasAttribute('show-article')) o.showArticle = attr('show-article') !== 'false';
    if (this.hasAttribute('review')) o.review = attr('review') !== 'off';
    if (attr('article-in')) {
      const reading = this.#reading(attr('article-in'));
      if (reading) {
        o.articleIn = reading;
        adoptHighlightStyle();
      }
    }
    return o;
  }

  /** The element the `article-in` selector names in this element's document (or shadow root), or null, said on the console. */
  #reading(selector) {
    let el = null;
    try {
      el = this.getRootNode().querySelector(selector);
    } catch {
      // An invalid selector: said below.
    }
    if (!el) console.warn(`citequiz: article-in="${selector}" names no element of the page: the quiz shows its own copy of the article.`);
    return el;
  }

  #fatal(e) {
    showFatal(this.#shadow, e, this.getAttribute('lang'));
  }

}

if (!customElements.get('cite-quiz')) customElements.define('cite-quiz', CiteQuiz);
