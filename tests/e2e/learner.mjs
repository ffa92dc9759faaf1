// How a learner answers each kind of question in the page, by mouse or by
// keyboard alone, driven from the bank's own answers (the tests know them;
// the page must not give them away).
import assert from 'node:assert/strict';

/** The current question's id and kind. */
export async function current(page) {
  const q = page.locator('fieldset.citequiz-question');
  await q.waitFor();
  return { id: await q.getAttribute('data-q'), kind: await q.getAttribute('data-kind') };
}

/** The sentence ids (data-s) that a citation's exact text touches. */
async function sentencesFor(page, exacts) {
  return page.evaluate((exacts) => {
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const out = [];
    // The page's own widget, or the one inside a <cite-quiz>'s shadow root.
    const roots = [document, ...[...document.querySelectorAll('cite-quiz')].map((e) => e.shadowRoot).filter(Boolean)];
    const spans = roots.flatMap((r) => [...r.querySelectorAll('.citequiz-article [data-s]')]);
    for (const span of spans) {
      const t = norm(span.textContent);
      if (exacts.some((e) => t.includes(norm(e)) || norm(e).includes(t))) out.push(span.dataset.s);
    }
    return out;
  }, exacts);
}

/** A response that is right (`right`) or deliberately wrong, as a plan of what to select. */
export function plan(q, right) {
  const wrongOf = (opts, ans) => opts.map((o) => o.id).find((id) => !ans.includes(id));
  switch (q.kind) {
    case 'single_choice': return { choose: [right ? q.answer : wrongOf(q.options, [q.answer])] };
    case 'multiple_choice': return { choose: right ? q.answers : [wrongOf(q.options, q.answers)] };
    case 'true_false': return { choose: [String(right ? q.answer : !q.answer)] };
    case 'two_part': return { a: right ? q.part_a.answer : wrongOf(q.part_a.options, [q.part_a.answer]), b: q.part_b.answer };
    case 'matching': return { pairs: right ? q.pairs : q.pairs.map((p, i, all) => ({ left: p.left, right: all[(i + 1) % all.length].right })) };
    case 'ordering': return { order: (right ? q.items : [...q.items].reverse()).map((i) => i.id) };
    case 'numeric': return { value: String(right ? q.answer : q.answer + 1000) };
    case 'fill_blank': return { gaps: q.gaps.map((g) => (right ? g.accept[0] : 'xyzzy')) };
    case 'evidence': return { evidence: q.cite.map((c) => c.exact), right };
    default: throw new Error(`no plan for ${q.kind}`);
  }
}

/**
 * Puts an ordering question's items in `order` with their "Move up"
 * buttons: each wanted item moves up until it stands in its place.
 * `press(button)` is how the learner presses one (a click, or focus + Enter).
 */
async function arrange(scope, order, press) {
  for (const [pos, id] of order.entries()) {
    for (let guard = 0; guard < 20; guard++) {
      const ids = await scope.locator('li[data-item]').evaluateAll((els) => els.map((e) => e.dataset.item));
      if (ids.indexOf(id) <= pos) break;
      await press(scope.locator(`li[data-item="${id}"] [data-action=move-up]`));
    }
  }
}

/** Answers the current question with the mouse. */
export async function answerByMouse(page, q, p) {
  const fs = page.locator('fieldset.citequiz-question');
  if (p.choose) for (const id of p.choose) await fs.locator(`input[data-opt="${id}"]`).check();
  if (p.a) await fs.locator(`input[data-part="a"][data-opt="${p.a}"]`).check();
  if (p.b) await fs.locator(`input[data-part="b"][data-opt="${p.b}"]`).check();
  if (p.pairs) for (const pr of p.pairs) await fs.locator(`select[data-left="${pr.left}"]`).selectOption(pr.right);
  if (p.value) await fs.locator('input[data-num]').fill(p.value);
  if (p.gaps) for (const [i, g] of p.gaps.entries()) await fs.locator(`input[data-gap="${i}"]`).fill(g);
  if (p.order) await arrange(fs, p.order, (button) => button.click());
  if (p.evidence) {
    const target = await sentencesFor(page, p.evidence);
    assert.ok(target.length > 0, `no sentence matches the citation of ${q.id}`);
    const pick = p.right ? target : [await page.locator('.citequiz-article [data-s]').first().getAttribute('data-s')];
    for (const s of pick) await page.locator(`.citequiz-article [data-s="${s}"]`).click();
  }
  await page.getByRole('button', { name: 'Check', exact: true }).click();
}

/** Presses Tab until the focused element matches `selector`. */
export async function tabTo(page, selector, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Answers the current question with the keyboard alone. */
export async function answerByKeyboard(page, q, p) {
  const isChecked = (sel) => page.evaluate((s) => document.querySelector(s)?.checked, sel);
  const radio = async (sel) => {
    // Reach the group, then arrow through it until the wanted radio is checked.
    const group = sel.replace(/\[data-opt="[^"]*"\]/, '');
    await tabTo(page, `fieldset.citequiz-question ${group}`);
    for (let i = 0; i < 12 && !(await isChecked(`fieldset.citequiz-question ${sel}`)); i++) await page.keyboard.press('ArrowDown');
    assert.ok(await isChecked(`fieldset.citequiz-question ${sel}`), `could not select ${sel} by keyboard`);
  };
  if (q.kind === 'multiple_choice') {
    for (const id of p.choose) { await tabTo(page, `input[data-opt="${id}"]`); await page.keyboard.press('Space'); }
  } else if (p.choose) {
    await radio(`input[data-opt="${p.choose[0]}"]`);
  }
  if (p.a) await radio(`input[data-part="a"][data-opt="${p.a}"]`);
  if (p.b) await radio(`input[data-part="b"][data-opt="${p.b}"]`);
  if (p.pairs) {
    for (const pr of p.pairs) {
      await tabTo(page, `select[data-left="${pr.left}"]`);
      // Arrow through the closed select until it shows the wanted item.
      for (let i = 0; i < 12; i++) {
        if (await page.evaluate((l) => document.querySelector(`select[data-left="${l}"]`).value, pr.left) === pr.right) break;
        await page.keyboard.press('ArrowDown');
      }
    }
  }
  if (p.value) { await tabTo(page, 'input[data-num]'); await page.keyboard.type(p.value); }
  if (p.gaps) for (const [i, g] of p.gaps.entries()) { await tabTo(page, `input[data-gap="${i}"]`); await page.keyboard.type(g); }
  if (p.order) {
    await arrange(page, p.order, async (button) => { await button.focus(); await page.keyboard.press('Enter'); });
  }
  if (p.evidence) {
    const target = await sentencesFor(page, p.evidence);
    await tabTo(page, '.citequiz-article [data-s][tabindex="0"]');
    for (let i = 0; i < 200 && target.length; i++) {
      const s = await page.evaluate(() => document.activeElement.dataset.s);
      if (target.includes(s)) { await page.keyboard.press('Space'); target.splice(target.indexOf(s), 1); }
      if (target.length) await page.keyboard.press('ArrowDown');
    }
    assert.equal(target.length, 0, 'could not reach every target sentence by keyboard');
  }
  await tabTo(page, 'button[data-action=check]');
  await page.keyboard.press('Enter');
}

/** The live region's text once it says something. */
export async function verdict(page) {
  const live = page.locator('.citequiz-feedback[aria-live=polite]');
  await live.locator('.citequiz-verdict').waitFor();
  return live.innerText();
}
