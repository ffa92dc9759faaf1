// The floor: no library. Parses the citequiz bank and renders its first
// question as a fieldset of radio buttons or checkboxes, with text nodes.
// Nothing is graded; it is what any quiz page must at least do.
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function render(bank) {
  const q = bank.questions[0];
  const type = q.kind === 'single_choice' ? 'radio' : 'checkbox';
  const options = q.options.map((o) => el('label', { class: 'floor-option' },
    el('input', { type, name: q.id, value: o.id }), ' ', o.text));
  const form = el('form', { class: 'floor-quiz' },
    el('p', {}, `Question 1 of ${bank.questions.length}`),
    el('fieldset', {},
      el('legend', {}, el('h2', { class: 'floor-prompt' }, q.prompt)),
      ...options),
    el('button', { type: 'submit' }, 'Check'));
  form.addEventListener('submit', (ev) => ev.preventDefault());
  document.getElementById('quiz').append(form);
}

window.benchData.then((text) => render(JSON.parse(text)));
