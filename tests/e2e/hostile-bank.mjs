// A hostile bank and article, built from the fixture bank (one question of
// every kind) and the real article: every text field a stranger could
// write carries markup, script, CSS, a bidi override and a flood of
// combining characters, and a few carry 100 KB strings. The quotes are
// left alone so that every citation still anchors; everything else is
// fair game. Each payload that runs sets `window.__pwned`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

export const RLO = '\u202E';

/** Markup, script and CSS that would run or restyle the page if parsed. */
export const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
  '</style><style>body{display:none!important}</style>',
  '<svg/onload=window.__pwned=1>',
  '"><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  "<a href=\"javascript:window.__pwned=1\">x</a>",
  '${window.__pwned=1}',
  '* { display: none !important } .citequiz { visibility: hidden }',
  `${RLO}desrever`,
  `Z${'\u0336\u0337\u0338\u0334\u0335\u0489'.repeat(100)}`,
];

/** 100 KB without a break opportunity, and 100 KB of combining marks. */
export const LONG_WORD = 'W'.repeat(100_000);
export const LONG_ZALGO = `Z${'\u0336'.repeat(100_000)}`;

const evil = (s) => `${s} ${PAYLOADS.join(' ')}`;
/** Payloads with no `{}` in them, for fill_blank texts, whose `{}` are gaps. */
const evilGapText = (s) => `${s} ${PAYLOADS.filter((p) => !p.includes('{')).join(' ')}`;

/** An id that is markup (ids may hold anything but whitespace). */
const evilId = (id) => `${id}<svg/onload=window.__pwned=1>`;

const read = (p) => JSON.parse(readFileSync(path.join(ROOT, p), 'utf8'));

/** The hostile bank (its article is `../articles/<articleFile>`). */
export function hostileBank(articleFile = 'hostile.json') {
  const b = read('tests/fixtures/every-kind.json');
  b.id = 'hostile';
  b.title = evil(b.title);
  b.description = evil(b.description);
  b.article = `../articles/${articleFile}`;
  b.questions = b.questions.map((q, i) => {
    q = structuredClone(q);
    q.prompt = evil(q.prompt);
    q.explanation = evil(q.explanation);
    q.tags = [...(q.tags || []), ...PAYLOADS.slice(0, 3)];
    q.hints = [...(q.hints || []).map((h) => ({ ...h, text: evil(h.text) })), { text: evil('A hint.'), penalty: 0 }];
    for (const list of ['options', 'items', 'left', 'right']) {
      for (const o of q[list] || []) {
        o.text = evil(o.text);
        if (o.feedback) o.feedback = evil(o.feedback);
      }
    }
    switch (q.kind) {
      case 'single_choice':
        // Markup in option ids too: they become attributes, never markup.
        for (const o of q.options) o.id = evilId(o.id);
        q.answer = evilId(q.answer);
        q.prompt = `${LONG_WORD} ${q.prompt}`;
        q.options[1].text = `${LONG_ZALGO} ${q.options[1].text}`;
        q.options[0].feedback = evil('Right.');
        break;
      case 'true_false':
        q.feedback = { true: evil(q.feedback.true), false: evil(q.feedback.false) };
        q.explanation = `${LONG_WORD} ${q.explanation}`;
        break;
      case 'fill_blank':
        q.text = evilGapText(q.text);
        for (const g of q.gaps) g.accept.push('<script>window.__pwned=1</script>');
        break;
      case 'numeric':
        q.unit = evil(q.unit);
        break;
      case 'two_part':
        q.part_a.prompt = evil(q.part_a.prompt);
        for (const o of q.part_a.options) o.text = evil(o.text);
        q.part_b.prompt = evil(q.part_b.prompt);
        break;
      default:
    }
    if (i === 0) q.hints[0].text = `${LONG_WORD} ${q.hints[0].text}`;
    return q;
  });
  return b;
}

/**
 * The real article with payloads in every metadata field, in the related
 * links' titles, in a related link's address (still http(s), so valid) and
 * in an extra last paragraph (the quotes anchor in the paragraphs before).
 */
export function hostileArticle() {
  const a = read('quiz-data/articles/gabuev-2020-putin-china-alliance.json');
  a.id = 'hostile';
  for (const f of ['title', 'subtitle', 'publisher', 'originally_published_by', 'photo_credit']) a[f] = evil(a[f]);
  // A bidi override in the author, followed in the same line by the
  // widget's own text (the publisher and the date).
  a.author = `${RLO}veubaG rednaxelA`;
  a.related = a.related.map((r) => ({ ...r, title: evil(r.title) }));
  a.related[0].url = 'https://example.com/?q=<script>window.__pwned=1</script>"onmouseover="window.__pwned=1';
  a.notes = (a.notes || []).map(evil);
  a.paragraphs = [...a.paragraphs, evil('A last paragraph.'), LONG_WORD];
  return a;
}
