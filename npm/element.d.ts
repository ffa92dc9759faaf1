// Types for `import 'citequiz/element'`: the <cite-quiz> custom element
// (www/citequiz.js, bundled as www/pkg/cite-quiz.js), its attributes,
// properties and events. Hand-written: keep it true to www/citequiz.js and
// README "Embedding". tests/types/usage.ts checks it (make test).
import type { Widget } from '../www/pkg/citequiz.js';

export type { Widget };

/** The element's attributes, as strings (README "Embedding"). Changing one remounts the quiz. */
export interface CiteQuizAttributes {
  /** The bank's URL (required), resolved against the page; its article is fetched relative to it. */
  bank: string;
  /** `practice` (default) or `exam`. */
  mode?: 'practice' | 'exam';
  /** A number: the same seed gives the same draw and order. */
  seed?: `${number}`;
  /** Draw this many questions (deterministic per seed). */
  pool?: `${number}`;
  /** Only questions with one of these tags (comma- or space-separated). */
  tags?: string;
  /** A BCP 47 tag; default the browser's. */
  lang?: string;
  /** `false` hides the article pane. */
  'show-article'?: 'true' | 'false';
  /** A CSS selector for the page's element holding the reading: citations are anchored and highlighted there. */
  'article-in'?: string;
  /** An xAPI endpoint (the LRS's base URL): every statement is also POSTed to `…/statements`. */
  lrs?: string;
}

/** The statements' actor: set `actor` before the element connects; anonymous otherwise. */
export type XapiActor =
  | { name?: string; mbox: `mailto:${string}`; objectType?: 'Agent' }
  | { name?: string; account: { homePage: string; name: string }; objectType?: 'Agent' };

/** A language map: `{ "en-US": "answered" }`. */
export type LanguageMap = Record<string, string>;

/** An xAPI statement as the widget writes it (checked against ralph's model in the tests). */
export interface XapiStatement {
  id: string;
  actor: XapiActor;
  verb: { id: string; display: LanguageMap };
  object: {
    id: string;
    objectType: 'Activity';
    definition?: {
      type?: string;
      name?: LanguageMap;
      description?: LanguageMap;
      interactionType?: string;
      correctResponsesPattern?: string[];
      choices?: { id: string; description: LanguageMap }[];
      source?: { id: string; description: LanguageMap }[];
      target?: { id: string; description: LanguageMap }[];
      steps?: { id: string; description: LanguageMap }[];
      extensions?: Record<string, unknown>;
    };
  };
  result?: {
    score?: { scaled: number; raw: number; min: number; max: number };
    success?: boolean;
    completion?: boolean;
    response?: string;
    duration?: string;
    extensions?: Record<string, unknown>;
  };
  context?: {
    registration?: string;
    language?: string;
    contextActivities?: Record<string, { id: string; objectType?: 'Activity' }[]>;
    /** The cited TextQuoteSelectors under `https://citequiz.invalid/xapi/extensions/citations`. */
    extensions?: Record<string, unknown>;
  };
  timestamp: string;
}

/** How one citation anchored in the page's reading (`article-in`). */
export interface AnchorReport {
  /** The question's id in the bank. */
  questionId: string;
  /** Which of the question's citations (`cite[index]`). */
  index: number;
  /** The citation's `exact` text, as the bank wrote it. */
  quote: string;
  /** `none`: not in the page (the widget's own copy shows it); `approximate`: found within the error budget. */
  match: 'exact' | 'approximate' | 'none';
  /** 1 for an exact match, less for an approximate one; absent when not found. */
  score?: number;
}

/** The details of the element's events, by event name. */
export interface CiteQuizEventDetails {
  /** Once the quiz is mounted: the `bank` attribute. */
  'citequiz:ready': { bank: string };
  /** With `article-in`, before `ready`: once per citation not found exactly in the page's text. */
  'citequiz:anchor-failed': AnchorReport & { match: 'approximate' | 'none' };
  /** Each checked answer: verb `answered`, the question as a `cmi.interaction`. */
  'citequiz:answered': XapiStatement;
  /** The quiz finished at or above the pass mark. */
  'citequiz:passed': XapiStatement;
  /** The quiz finished below the pass mark. */
  'citequiz:failed': XapiStatement;
  /** The quiz finished (after passed or failed). */
  'citequiz:completed': XapiStatement;
}

/** The element's event map: every event bubbles and is composed, so `document` hears it. */
export type CiteQuizEventMap = {
  [K in keyof CiteQuizEventDetails]: CustomEvent<CiteQuizEventDetails[K]>;
};

/** The `lrs` attribute's reporter: statements queued in localStorage and retried. */
export interface LrsReporter {
  /** Statements waiting to be sent. */
  readonly pending: number;
  /** Sends what waits now. */
  flush(): Promise<void>;
}

/** `<cite-quiz>`: the widget in a shadow root, loading its bank and article. */
export declare class CiteQuiz extends HTMLElement {
  static readonly observedAttributes: (keyof CiteQuizAttributes)[];
  /** The mounted Widget, or null while loading or after an error. */
  readonly widget: Widget | null;
  /** The statements' actor; set it before the element connects. */
  actor?: XapiActor;
  /** The `Authorization` header sent to the `lrs` endpoint (e.g. `Basic …`). */
  lrsAuth?: string;
  /** The reporter sending statements to `lrs`, once the element has mounted with one. */
  readonly lrs?: LrsReporter;
  addEventListener<K extends keyof CiteQuizEventMap>(
    type: K,
    listener: (this: CiteQuiz, ev: CiteQuizEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof CiteQuizEventMap>(
    type: K,
    listener: (this: CiteQuiz, ev: CiteQuizEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'cite-quiz': CiteQuiz;
  }
  /** The events bubble out of the shadow root, so a listener on `document` hears them. */
  interface DocumentEventMap extends CiteQuizEventMap {}
}
