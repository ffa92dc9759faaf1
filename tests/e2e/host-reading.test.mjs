// The reading on the host page (issue 17): <cite-quiz article-in="#reading">
// anchors the bank's citations in the text of the page it sits in, laid out
// with the page's own markup (headings, emphasis, a link, a footnote marker,
// a hidden note, a paragraph split in two and two merged into one), on
// another origin than the widget's files; "Show in article" highlights the
// passage there with the CSS Custom Highlight API and scrolls to it; the
// page's DOM never changes; a sentence the page edited is reported
// (citequiz:anchor-failed) and shown from the widget's own copy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, launch, openPage, bank, screenshot } from './harness.mjs';
import { staticServer } from './static.mjs';

const FULL = bank('gabuev-full.json');
const ARTICLE = JSON.parse(readFileSync(path.join(ROOT, 'quiz-data/articles/gabuev-2020-putin-china-alliance.json'), 'utf8'));
const byId = Object.fromEntries(FULL.questions.map((q) => [q.id, q]));
const CITATIONS = FULL.questions.reduce((n, q) => n + (q.cite?.length ?? 0), 0);
let widget, host, browser;

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** `text` (escaped) with the first `what` in it replaced by `html`. */
const wrap = (text, what, html) => {
  const i = text.indexOf(what);
  assert.ok(i >= 0, `"${what}" is in the paragraph`);
  return esc(text.slice(0, i)) + html + esc(text.slice(i + what.length));
};
/** Whitespace folded, as the widget's normalizer folds it. */
const fold = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * The shipped article as a course page lays it out: its own headings, an
 * emphasis and a link inside cited sentences, a footnote marker inside a
 * quote, a hidden editor's note and a script between sentences, paragraph
 * 5 split in two and paragraphs 8 and 9 merged into one. `edit(text, i)`
 * may change paragraph i's text first.
 */
function reading(edit = (t) => t) {
  const P = ARTICLE.paragraphs.map(edit);
  const html = P.map((t) => esc(t));
  // A footnote marker inside the quote of past-official-line.
  html[1] = wrap(P[1], 'senior Russian officials', 'senior Russian officials<sup><a href="#fn1" id="ref1">1</a></sup>');
  // Emphasis inside the thesis, which four questions cite.
  html[2] = wrap(P[2], 'not in Russia', '<em>not</em> in Russia');
  // A link inside the quote of pivot-cause.
  html[3] = wrap(P[3], 'pivot to the East', '<a href="https://example.org/pivot">pivot to the <strong>East</strong></a>');
  // A hidden note and a script between two sentences.
  const cut = P[5].indexOf('. ') + 1;
  html[5] = `${esc(P[5].slice(0, cut))}<span hidden>(Editor: check this figure.)</span><script>void 0</script>${esc(P[5].slice(cut))}`;
  const blocks = [];
  for (let i = 0; i < P.length; i++) {
    if (i === 3) blocks.push('<h2>The pivot to the East</h2>');
    if (i === 10) blocks.push('<h2>Washington\u2019s view</h2>');
    if (i === 4) {
      // Paragraph 5 split in two at a sentence in its middle.
      const at = P[4].indexOf('. ', P[4].length / 2) + 1;
      blocks.push(`<p>${esc(P[4].slice(0, at))}</p>`, `<p>\n  ${esc(P[4].slice(at).trim())}\n</p>`);
    } else if (i === 7) {
      blocks.push(`<p>${html[7]} ${html[8]}</p>`);
      i++;
    } else {
      blocks.push(`<p>${html[i]}</p>`);
    }
  }
  return `<article id="reading">
    <h1>${esc(ARTICLE.title)}</h1>
    <p class="byline">By <a href="https://example.org/author">${esc(ARTICLE.author)}</a><br>${esc(ARTICLE.publisher)}</p>
    ${blocks.join('\n    ')}
    <section class="footnotes"><ol><li id="fn1">First said in 2014. <a href="#ref1">\u21A9</a></li></ol></section>
  </article>`;
}

const page = (W, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Week 3: reading</title><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font-family: Georgia, serif; max-width: 42rem; margin: 1rem auto; padding: 0 1rem; line-height: 1.5; }
</style>
<script>
  window.failed = [];
  document.addEventListener('citequiz:anchor-failed', (e) => failed.push({ target: e.target.id, ...e.detail }));
  window.ready = new Promise((r) => document.addEventListener('citequiz:ready', r, { once: true }));
</script>
<script type="module" src="${W}pkg/cite-quiz.js"></script>
</head><body>
${body}
<script>
  // Every change to the reading from here on, which must be none.
  window.mutations = [];
  new MutationObserver((records) => {
    const reading = document.getElementById('reading');
    for (const m of records) if (reading.contains(m.target) || m.target === reading) mutations.push(m.type);
  }).observe(document, { subtree: true, attributes: true, characterData: true, childList: true });
</script>
</body></html>`;

before(async () => {
  // The widget's files (and the bank) on one origin, with CORS headers...
  widget = await staticServer({ headers: { 'Access-Control-Allow-Origin': '*' } });
  const W = widget.url;
  const BANK = `${W}quiz-data/banks/gabuev-full.json`;
  const quiz = `<cite-quiz id="quiz" bank="${BANK}" seed="7" article-in="#reading" review="off"></cite-quiz>`;
  // ...the course's pages on another.
  const edited = reading((t) => t
    // Rewritten: not anchored at all.
    .replace('the prospect of new sanctions and national security considerations', 'fresh worries about security')
    // One word dropped: anchored approximately.
    .replace("Russia's dependence on China has not yet reached", "Russia's dependence on China has not reached"));
  host = await staticServer({
    pages: {
      '/course.html': page(W, `${reading()}\n${quiz}`),
      '/edited.html': page(W, `${edited}\n${quiz}`),
      '/two.html': page(W, `${reading()}\n${quiz}\n${quiz.replace('id="quiz"', 'id="other"').replace('seed="7"', 'seed="8"')}`),
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  widget?.stop();
  host?.stop();
});

/** Opens a host page and waits for the quiz. */
async function open(name) {
  const opened = await openPage(browser, `${host.url}${name}`);
  await opened.page.evaluate(() => window.ready);
  await opened.page.locator('#quiz fieldset.citequiz-question').waitFor();
  return opened;
}

/** Moves the element `el` with Next (then Previous, from the last) to question `id`. */
async function goTo(p, id, el = 'quiz') {
  const fs = p.locator(`#${el} fieldset.citequiz-question`);
  let step = 'next';
  for (let i = 0; i < 2 * FULL.questions.length; i++) {
    if ((await fs.getAttribute('data-q')) === id) return byId[id];
    if (await p.locator(`#${el} [data-action=${step}]`).isDisabled()) step = 'prev';
    await p.locator(`#${el} [data-action=${step}]`).click();
  }
  throw new Error(`question ${id} not reached`);
}

/** Answers a single-choice or true/false question rightly and checks it. */
async function answer(p, q, el = 'quiz') {
  const opt = q.kind === 'true_false' ? String(q.answer) : q.answer;
  await p.locator(`#${el} fieldset.citequiz-question input[data-opt="${opt}"]`).check();
  await p.locator(`#${el} [data-action=check]`).click();
  await p.locator(`#${el} .citequiz-why`).waitFor();
}

/** The text of the highlight `citequiz`'s ranges, and whether they lie inside #reading and in view. */
const highlighted = (p) => p.evaluate(() => {
  const h = CSS.highlights.get('citequiz');
  if (!h) return null;
  const reading = document.getElementById('reading');
  return [...h].map((r) => {
    const box = r.getBoundingClientRect();
    return {
      text: r.toString(),
      inReading: reading.contains(r.commonAncestorContainer),
      inView: box.top >= 0 && box.bottom <= innerHeight && box.height > 0,
    };
  });
});

const paneShown = (p) => p.locator('#quiz .citequiz-article').evaluate((e) => !e.hidden && e.getBoundingClientRect().height > 0);

test('every citation anchors in the page\'s own text, and Show in article highlights it there without changing the page', async () => {
  const { page: p, context, problems } = await open('course.html');
  const anchors = await p.evaluate(() => document.getElementById('quiz').widget.hostAnchors());
  assert.equal(anchors.length, CITATIONS);
  const notExact = anchors.filter((a) => a.match !== 'exact');
  assert.deepEqual(notExact, [], 'every citation anchors exactly');
  assert.deepEqual(await p.evaluate(() => window.failed), []);
  // The widget's own copy stays hidden: the page holds the reading.
  assert.equal(await paneShown(p), false);
  // The highlight's default style reached the document, without an element.
  assert.equal(await p.evaluate(() => document.adoptedStyleSheets.length), 1);

  // A quote with a footnote marker inside it.
  let q = await goTo(p, 'past-official-line');
  await answer(p, q);
  await p.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await screenshot(p, 'host-reading-before');
  await p.locator('#quiz .citequiz-cite [data-action=show-cite]').first().click();
  let h = await highlighted(p);
  assert.equal(h.length, 1);
  assert.equal(fold(h[0].text).replace('officials1', 'officials'), fold(q.cite[0].exact));
  assert.ok(h[0].inReading && h[0].inView, JSON.stringify(h));
  assert.equal(await paneShown(p), false);
  // Said to screen readers in the live region.
  const said = await p.locator('#quiz .citequiz-feedback .citequiz-announce').innerText();
  assert.match(said, /^Highlighted in the reading: “For many years/);
  await screenshot(p, 'host-reading-highlighted');
  // The highlight is painted: the default style applies to the range.
  const color = await p.evaluate(() => getComputedStyle(document.getElementById('reading').querySelector('p:nth-of-type(3)'), '::highlight(citequiz)').backgroundColor);
  assert.notEqual(color, 'rgba(0, 0, 0, 0)');

  // Across an emphasis, in a paragraph the page did not split; then across a link.
  for (const [id, i] of [['thesis-hedged', 0], ['pivot-cause', 0]]) {
    q = await goTo(p, id);
    assert.equal(await highlighted(p), null, 'moving on cleared the highlight');
    await answer(p, q);
    await p.locator('#quiz .citequiz-cite [data-action=show-cite]').nth(i).click();
    h = await highlighted(p);
    assert.equal(fold(h[0].text), fold(q.cite[i].exact), id);
    assert.ok(h[0].inReading && h[0].inView, JSON.stringify(h));
  }

  // An evidence question: the sentences are picked in the widget's list,
  // or by a click on them in the page's text.
  await goTo(p, 'neither-side-drawn-in');
  assert.equal(await highlighted(p), null);
  assert.equal(await paneShown(p), true);
  const sentence = p.locator('#quiz .citequiz-article [data-s="p2.s5"]');
  const at = await p.evaluate(() => {
    const walker = document.createTreeWalker(document.getElementById('reading'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const i = walker.currentNode.data.indexOf('wishes to risk');
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(walker.currentNode, i);
      r.setEnd(walker.currentNode, i + 6);
      r.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const box = r.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    return null;
  });
  await p.mouse.click(at.x, at.y);
  assert.equal(await sentence.getAttribute('aria-checked'), 'true');
  assert.match(await p.locator('#quiz [data-role=count]').innerText(), /1/);
  await sentence.click();
  assert.equal(await sentence.getAttribute('aria-checked'), 'false');
  await sentence.click();
  assert.equal(await sentence.getAttribute('aria-checked'), 'true');
  await p.locator('#quiz fieldset.citequiz-question').scrollIntoViewIfNeeded();
  await screenshot(p, 'host-reading-evidence');

  // Unmounting clears the highlight too.
  q = await goTo(p, 'vocab-immovability');
  assert.equal(await paneShown(p), false);
  await answer(p, q);
  await p.locator('#quiz .citequiz-cite [data-action=show-cite]').first().click();
  assert.equal((await highlighted(p)).length, 1);
  await p.evaluate(() => document.getElementById('quiz').remove());
  assert.equal(await highlighted(p), null);

  assert.deepEqual(await p.evaluate(() => window.mutations), [], 'the reading never changed');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a sentence the page edited is reported and shown from the widget\'s own copy', async () => {
  const { page: p, context, problems } = await open('edited.html');
  const failed = await p.evaluate(() => window.failed);
  assert.deepEqual(failed.map((f) => [f.target, f.questionId, f.index, f.match]).sort(), [
    ['quiz', '5g-chinese-favorites', 0, 'none'],
    ['quiz', 'dependence-not-critical', 0, 'approximate'],
  ]);
  assert.equal(failed.find((f) => f.match === 'none').quote, byId['5g-chinese-favorites'].cite[0].exact);
  assert.ok(failed.find((f) => f.match === 'approximate').score < 1);

  // Not in the page: the widget's pane shows it.
  let q = await goTo(p, '5g-chinese-favorites');
  await answer(p, q);
  await p.locator('#quiz .citequiz-cite [data-action=show-cite]').first().click();
  assert.equal(await paneShown(p), true);
  assert.equal(fold(await p.locator('#quiz .citequiz-article mark.cite').allInnerTexts().then((t) => t.join(' '))), fold(q.cite[0].exact));
  assert.equal(await highlighted(p), null);
  await screenshot(p, 'host-reading-fallback');

  // Approximately in the page: highlighted there, the page's words.
  q = await goTo(p, 'dependence-not-critical');
  assert.equal(await paneShown(p), false);
  await answer(p, q);
  await p.locator('#quiz .citequiz-cite [data-action=show-cite]').first().click();
  const h = await highlighted(p);
  assert.match(fold(h[0].text), /^Russia's dependence on China has not reached a critical/);

  // The results' passages to reread are highlighted in the page too: the
  // fifth paragraph, which the page split in two.
  await p.locator('#quiz [data-action=finish]').click();
  await p.locator('#quiz [data-action=show-passage][data-passage=p5]').click();
  const para = await highlighted(p);
  assert.equal(fold(para[0].text), fold(ARTICLE.paragraphs[4].replace('the prospect of new sanctions and national security considerations', 'fresh worries about security')));
  assert.ok(para[0].inReading && para[0].inView, JSON.stringify(para));
  assert.equal(await paneShown(p), false);
  assert.deepEqual(await p.evaluate(() => window.mutations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('two elements share one reading: the highlight shown last stays until its own widget moves on', async () => {
  const { page: p, context, problems } = await openPage(browser, `${host.url}two.html`);
  for (const id of ['quiz', 'other']) await p.locator(`#${id} fieldset.citequiz-question`).waitFor();
  const show = async (id, qid) => {
    const q = await goTo(p, qid, id);
    await answer(p, q, id);
    await p.locator(`#${id} .citequiz-cite [data-action=show-cite]`).first().click();
    return q;
  };
  await show('quiz', 'past-official-line');
  const q = await show('other', 'pivot-cause');
  assert.equal(fold((await highlighted(p))[0].text), fold(q.cite[0].exact));
  // The first moves on: the other's highlight stays.
  await p.locator('#quiz [data-action=next]').click();
  assert.equal(fold((await highlighted(p))[0].text), fold(q.cite[0].exact));
  // The other moves on: cleared.
  await p.locator('#other [data-action=next]').click();
  assert.equal(await highlighted(p), null);
  assert.deepEqual(await p.evaluate(() => window.mutations), []);
  assert.deepEqual(problems, []);
  await context.close();
});
