// Compiled (not run) by tests/e2e/types.test.mjs against the generated
// www/pkg/api/citequiz.d.ts (the headless API) and www/pkg/citequiz.d.ts
// (the widget), and the npm package's element types (npm/element.d.ts,
// through package.json's exports, as a course site imports them): the
// documented API must typecheck, and misuse must not (the lines marked as
// expected errors). No comment line may start with
// that marker but those: it would silence the line after it.
import init, { Quiz, articlePath } from '../../www/pkg/api/citequiz.js';
import type { Feedback, Response, SessionResult, ShownQuestion, Diagnostic, MemoryState, Rating } from '../../www/pkg/api/citequiz.js';
import initWidget, { Widget } from '../../www/pkg/citequiz.js';
import 'citequiz/element';
import type { AnchorReport, CiteQuiz, XapiStatement } from 'citequiz/element';

export async function demo(bank: string, article: object): Promise<number> {
  await init();
  await initWidget();
  const quiz = new Quiz(bank, article, 42, Date.now());
  const q: ShownQuestion | undefined = quiz.question(0);
  if (!q) return 0;
  const response: Response = { kind: 'single_choice', choice: q.options?.[0]?.id ?? 'a' };
  const fb: Feedback = quiz.answer(q.id, response, Date.now());
  const start: number | undefined = fb.citations[0]?.span.startUtf16;
  // Optional results are null, not missing, as the API passes them.
  const why: string | null = fb.explanation;
  // @ts-expect-error: a response must match its kind's shape
  quiz.answer(q.id, { kind: 'single_choice', choices: ['a'] }, Date.now());
  const { quiz: again, report } = Quiz.restore(bank, article, quiz.snapshot());
  const dropped: string[] = report.dropped.map((d) => `${d.id}: ${d.reason}`);
  const result: SessionResult = again.finish(Date.now());
  // Spaced review: rate, see what is due, keep the memory as text.
  const rating: Rating = quiz.ratingFor(q.id) ?? 'good';
  const state: MemoryState = quiz.rate(q.id, rating, Date.now());
  const due: string[] = quiz.dueQuestions(Date.now() + state.interval * 86_400_000, 0);
  const known: number | undefined = quiz.memoryState(q.id, Date.now())?.retrievability;
  quiz.newPerDay = 5;
  const unusable: number = again.loadMemory(quiz.memory()).unreadable.length;
  // @ts-expect-error: a rating is one of Anki's four
  quiz.rate(q.id, 'fine', Date.now());
  const moved: string[] = again.importProgress(quiz.exportProgress(Date.now())).taken;
  void due; void known; void unusable; void moved;
  const diag: Diagnostic | undefined = undefined;
  void diag; void dropped; void why; void articlePath; void Widget;
  return result.percent + (start ?? 0) + quiz.length + quiz.position;
}

// The element, as README "Install from npm" uses it.
export function host(): number {
  const quiz = document.createElement('cite-quiz');
  quiz.setAttribute('bank', '/quiz-data/banks/gabuev-quick-check.json');
  quiz.actor = { name: 'Ada Learner', mbox: 'mailto:ada@example.org' };
  quiz.lrsAuth = 'Basic a2V5OnNlY3JldA==';
  let scaled = 0;
  quiz.addEventListener('citequiz:answered', (e) => {
    const statement: XapiStatement = e.detail;
    scaled = statement.result?.score?.scaled ?? 0;
  });
  document.addEventListener('citequiz:ready', (e) => void e.detail.bank.length);
  // @ts-expect-error: citequiz:ready carries the bank, not a statement
  quiz.addEventListener('citequiz:ready', (e) => e.detail.verb);
  // The reading on the page: a citation it lacks is reported.
  quiz.setAttribute('article-in', '#reading');
  quiz.addEventListener('citequiz:anchor-failed', (e) => {
    const report: AnchorReport = e.detail;
    console.warn(report.questionId, report.quote, report.match === 'none' ? 'missing' : report.score);
  });
  // @ts-expect-error: an anchor-failed match is never exact
  document.addEventListener('citequiz:anchor-failed', (e) => e.detail.match === 'exact');
  // @ts-expect-error: an actor needs an mbox or an account
  quiz.actor = { name: 'Ada Learner' };
  const found: CiteQuiz | null = document.querySelector('cite-quiz');
  const widget: Widget | null | undefined = found?.widget;
  return scaled + (widget ? 1 : 0);
}
