// Sends the widget's xAPI statements to a learning record store: every
// statement a `citequiz:answered`, `…:passed`, `…:failed` or `…:completed`
// event carries is queued in localStorage first and then POSTed to
// `<endpoint>/statements` (xAPI 1.0.3, the credentials the host page gives),
// so nothing is lost while the learner is offline: the queue is retried with
// backoff, when the browser comes back online, and on the next visit.
// A statement the LRS refuses for good (4xx other than 408 and 429) is
// dropped with a console warning; retrying it would never succeed.

const TYPES = ['answered', 'passed', 'failed', 'completed'];
const MAX_QUEUE = 500;
const RETRY_MS = [2000, 5000, 15000, 30000, 60000];

/** The queue's storage key for an endpoint. */
const keyFor = (endpoint) => `citequiz:lrs-queue:${endpoint}`;

export class LrsReporter {
  #endpoint; #auth; #key; #memory = []; #timer = null; #attempt = 0; #sending = false; #online;

  /**
   * @param {string} endpoint the LRS's xAPI base URL (…/xAPI/); statements go to `statements` under it
   * @param {string} [auth] the Authorization header value, e.g. "Basic …"
   */
  constructor(endpoint, auth) {
    this.#endpoint = new URL('statements', endpoint.endsWith('/') ? endpoint : `${endpoint}/`).href;
    this.#auth = auth || '';
    this.#key = keyFor(this.#endpoint);
    this.#online = () => this.flush();
    window.addEventListener('online', this.#online);
    this.flush();
  }

  /** Listens for the widget's statement events on `target` (they bubble and are composed). */
  listen(target) {
    const handler = (e) => { if (e.detail && e.detail.verb) this.send(e.detail); };
    for (const t of TYPES) target.addEventListener(`citequiz:${t}`, handler);
    return () => { for (const t of TYPES) target.removeEventListener(`citequiz:${t}`, handler); };
  }

  /** Queues a statement and tries to send the queue. */
  send(statement) {
    const q = this.#read();
    if (!q.some((s) => s.id === statement.id)) q.push(statement);
    this.#write(q.slice(-MAX_QUEUE));
    this.flush();
  }

  /** How many statements wait to be sent. */
  get pending() {
    return this.#read().length;
  }

  /** Sends the queue in order; on a failure, waits and tries again. */
  async flush() {
    if (this.#sending) return;
    this.#sending = true;
    clearTimeout(this.#timer);
    try {
      for (let q = this.#read(); q.length; q = this.#read()) {
        const outcome = await this.#post(q[0]);
        if (outcome === 'retry') {
          const wait = RETRY_MS[Math.min(this.#attempt++, RETRY_MS.length - 1)];
          this.#timer = setTimeout(() => this.flush(), wait);
          return;
        }
        this.#attempt = 0;
        this.#write(this.#read().filter((s) => s.id !== q[0].id));
      }
    } finally {
      this.#sending = false;
    }
  }

  close() {
    clearTimeout(this.#timer);
    window.removeEventListener('online', this.#online);
  }

  async #post(statement) {
    const headers = { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' };
    if (this.#auth) headers.Authorization = this.#auth;
    let r;
    try {
      r = await fetch(this.#endpoint, { method: 'POST', headers, body: JSON.stringify(statement) });
    } catch {
      return 'retry'; // offline, or the LRS is unreachable
    }
    if (r.ok || r.status === 409) return 'sent'; // 409: the LRS has it already
    if (r.status >= 500 || r.status === 408 || r.status === 429) return 'retry';
    console.warn(`citequiz: the LRS refused statement ${statement.id}: ${r.status} ${r.statusText}`);
    return 'dropped';
  }

  // The queue lives in localStorage so it survives a reload; in memory when
  // storage is unavailable.
  #read() {
    try {
      const v = JSON.parse(localStorage.getItem(this.#key) || '[]');
      return Array.isArray(v) ? v : [];
    } catch {
      return [...this.#memory];
    }
  }

  #write(q) {
    this.#memory = q;
    try { localStorage.setItem(this.#key, JSON.stringify(q)); } catch { /* memory only */ }
  }
}
