// citequiz's SCORM 1.2 runtime: connects the quiz page to the LMS.
//
// A classic script that runs before the page's module. It finds the LMS's
// `API` object (SCORM 1.2 discovery: this window and up to 7 parents, then
// the opener's), calls LMSInitialize, and gives the page
// `window.citequizRuntime`:
//   storageKey(bankId)      the widget's localStorage key for this learner;
//   beforeMount(host, key)  copies cmi.suspend_data into that key (so the
//                           widget resumes from the LMS), then listens on the
//                           host for the widget's events:
//     citequiz:answered   → cmi.suspend_data := the widget's saved progress
//                           (≤ 4096 chars; without unchecked drafts if
//                           larger), LMSCommit;
//     citequiz:passed / citequiz:failed → detail: the xAPI statement, whose
//                           result.score.scaled (0..1) becomes
//                           cmi.core.score.raw (percent 0..100, min 0,
//                           max 100) and whose verb the lesson_status;
//     citequiz:completed  → LMSCommit, LMSFinish.
// Leaving the page before finishing suspends: cmi.core.exit "suspend",
// LMSCommit, LMSFinish. Without an LMS the quiz works on, saving in the
// browser only.
(function () {
  'use strict';
  var MAX_SUSPEND = 4096; // SCORM 1.2's CMIString4096
  var MAX_LEVELS = 7;

  function findApi(win) {
    for (var n = 0; win && n <= MAX_LEVELS; n++) {
      try {
        if (win.API) return win.API;
        if (!win.parent || win.parent === win) return null;
      } catch (e) {
        return null; // a cross-origin frame: stop looking up this chain
      }
      win = win.parent;
    }
    return null;
  }

  var api = findApi(window);
  if (!api) {
    try { api = window.opener ? findApi(window.opener) : null; } catch (e) { api = null; }
  }
  var started = Date.now();
  var live = false; // initialized and not finished
  var key = null;
  var last = null; // the suspend_data last sent

  function get(element) {
    var v = api.LMSGetValue(element);
    return v === null || v === undefined ? '' : String(v);
  }

  function set(element, value) {
    if (String(api.LMSSetValue(element, String(value))) !== 'true') {
      console.warn('citequiz: the LMS refused ' + element + ' = ' + JSON.stringify(String(value)) +
        ' (SCORM error ' + api.LMSGetLastError() + ')');
    }
  }

  if (!api) {
    console.warn('citequiz: no SCORM API found; progress is saved in this browser only.');
  } else {
    live = String(api.LMSInitialize('')) === 'true';
    if (!live) console.warn('citequiz: LMSInitialize failed (SCORM error ' + api.LMSGetLastError() + ')');
  }

  /** "HHHH:MM:SS.SS", SCORM 1.2's CMITimespan. */
  function timespan(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var h = Math.min(9999, Math.floor(cs / 360000));
    var m = Math.floor(cs / 6000) % 60;
    var s = (cs % 6000) / 100;
    var two = function (x) { return (x < 10 ? '0' : '') + x; };
    return two(h) + ':' + two(m) + ':' + (s < 10 ? '0' : '') + s.toFixed(2);
  }

  /** The saved progress cut to fit cmi.suspend_data, or null if it cannot. */
  function fit(value) {
    if (value.length <= MAX_SUSPEND) return value;
    try {
      var saved = JSON.parse(value);
      saved.drafts = {};
      var smaller = JSON.stringify(saved);
      if (smaller.length <= MAX_SUSPEND) {
        console.warn('citequiz: saved progress is ' + value.length + ' chars, over SCORM 1.2\'s ' +
          MAX_SUSPEND + '; the LMS keeps it without unchecked drafts.');
        return smaller;
      }
    } catch (e) { /* not ours to shrink */ }
    console.warn('citequiz: saved progress is ' + value.length + ' chars, over SCORM 1.2\'s ' +
      MAX_SUSPEND + ' even without drafts; the LMS keeps the last progress that fit.');
    return null;
  }

  function save() {
    if (!live || key === null) return;
    var value = null;
    try { value = localStorage.getItem(key); } catch (e) { value = null; }
    if (value) {
      var fitted = fit(value);
      if (fitted !== null && fitted !== last) {
        set('cmi.suspend_data', fitted);
        last = fitted;
      }
    }
  }

  function end(exit) {
    set('cmi.core.exit', exit);
    set('cmi.core.session_time', timespan(Date.now() - started));
    api.LMSCommit('');
    api.LMSFinish('');
    live = false;
  }

  function completed(result) {
    if (!live) return;
    save();
    var percent = Number(result && result.percent);
    var raw = Number.isFinite(percent) ? Math.round(Math.min(100, Math.max(0, percent)) * 100) / 100 : 0;
    set('cmi.core.score.min', '0');
    set('cmi.core.score.max', '100');
    set('cmi.core.score.raw', String(raw));
    set('cmi.core.lesson_status', result && result.passed ? 'passed' : 'failed');
    end('');
  }

  function leave() {
    if (!live) return;
    save();
    end('suspend');
  }

  window.citequizRuntime = {
    storageKey: function (bankId) {
      var learner = live ? get('cmi.core.student_id') : '';
      return 'citequiz:scorm:' + bankId + (learner ? ':' + learner : '');
    },
    beforeMount: function (host, storageKey) {
      key = storageKey;
      if (live) {
        // The LMS is the record: resume from its suspend_data, or start afresh.
        var saved = get('cmi.suspend_data');
        last = saved || null;
        try {
          if (saved) localStorage.setItem(key, saved);
          else localStorage.removeItem(key);
        } catch (e) {
          console.warn('citequiz: this browser\'s storage is unavailable; the quiz cannot resume here.');
        }
        var status = get('cmi.core.lesson_status');
        if (status === '' || status === 'not attempted') set('cmi.core.lesson_status', 'incomplete');
        api.LMSCommit('');
      }
      // After the widget has saved: its handler runs to the end first.
      host.addEventListener('citequiz:answered', function () {
        setTimeout(function () { save(); if (live) api.LMSCommit(''); }, 0);
      });
      var outcome = null;
      var verdict = function (ev) {
        var score = ev.detail && ev.detail.result && ev.detail.result.score;
        outcome = { percent: score ? Number(score.scaled) * 100 : 0, passed: ev.type === 'citequiz:passed' };
      };
      host.addEventListener('citequiz:passed', verdict);
      host.addEventListener('citequiz:failed', verdict);
      host.addEventListener('citequiz:completed', function () {
        var detail = outcome;
        setTimeout(function () { completed(detail); }, 0);
      });
      window.addEventListener('pagehide', leave);
      window.addEventListener('beforeunload', leave);
    },
  };
})();
