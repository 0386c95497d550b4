// Pieces every view uses: headings, problems, field errors, the sign-in prompt.

import { currentUser, Problem } from '../api.js';
import { h } from '../dom.js';

/** The view's heading, focusable so that the router can move focus to it. */
export function heading(text, level = 'h1') {
  return h(level, { tabindex: level === 'h1' ? '-1' : null }, text);
}

/** An error as the API told it: the problem's title and detail (and its field errors), never a blank page. */
export function problemBox(error) {
  const problem = error instanceof Problem ? error
    : new Problem({ title: 'Something went wrong', detail: String(error?.message ?? error) });
  return h('div', { class: 'problem', role: 'alert', dataset: { problemType: problem.kind, status: problem.status } },
    h('p', { class: 'problem-title' }, problem.title),
    problem.detail ? h('p', { class: 'problem-detail' }, problem.detail) : null,
    problem.errors.length > 0
      ? h('ul', { class: 'problem-errors' }, problem.errors.map((e) => h('li', {}, `${e.field}: ${e.message}`)))
      : null);
}

/** Puts a problem in a slot (replacing what was there), or empties the slot for null. */
export function report(slot, error) {
  slot.replaceChildren();
  if (error) {
    slot.append(problemBox(error));
  }
}

/**
 * Marks the form's inputs named in the problem's field errors (aria-invalid, the message beside them and tied to them
 * with aria-describedby), clears earlier marks, and focuses the first wrong field. Answers whether any field matched.
 */
export function markFields(form, problem) {
  for (const old of form.querySelectorAll('.field-error')) {
    old.remove();
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
  let first = null;
  for (const error of problem?.errors ?? []) {
    const input = form.elements.namedItem(error.field);
    if (!(input instanceof HTMLElement)) {
      continue;
    }
    const id = `${input.id}-error`;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
    input.insertAdjacentElement('afterend', h('p', { class: 'field-error', id }, error.message));
    first ??= input;
  }
  first?.focus();
  return first !== null;
}

/** A labelled input: label above, input below, ids tied together. */
export function field(id, label, input) {
  input.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

/** For views that need an account: the prompt to sign in (false), or true when signed in. */
export function requireSignIn({ container }, what) {
  if (currentUser()) {
    return true;
  }
  container.append(
    heading(what),
    h('p', {}, 'Sign in to see this page. ',
      h('a', { href: '#/sign-in' }, 'Sign in'), ' or ', h('a', { href: '#/sign-up' }, 'create an account'), '.'));
  return false;
}

/** Disables a button while the promise runs, and says it is busy. */
export async function busy(button, work) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

export function notFound({ container, title }) {
  title('Not found');
  container.append(heading('Nothing here'), h('p', {}, 'This page does not exist. ', h('a', { href: '#/' }, 'See the products'), '.'));
}
