// Signing up and signing in.

import { currentUser, signIn as startSession, signUp as createAccount } from '../api.js';
import { h } from '../dom.js';
import { busy, field, heading, markFields, report } from './common.js';

function accountForm(context, { id, title, fields, submitLabel, send, other }) {
  const { container, go, announce } = context;
  context.title(title);
  const problems = h('div', { class: 'problems' });
  const submit = h('button', { type: 'submit', class: 'button' }, submitLabel);
  const form = h('form', {
    class: 'account-form', id, method: 'post', novalidate: true,
    onsubmit: (event) => {
      event.preventDefault();
      const values = Object.fromEntries(new FormData(form));
      busy(submit, async () => {
        try {
          const user = await send(values);
          announce(`Signed in as ${user.name}.`);
          go('#/');
        } catch (error) {
          report(problems, error);
          if (!markFields(form, error)) {
            problems.querySelector('[role=alert]')?.setAttribute('tabindex', '-1');
            problems.querySelector('[role=alert]')?.focus();
          }
        }
      });
    },
  }, fields, submit);
  container.append(heading(title), currentUser() ? h('p', {}, `You are signed in as ${currentUser().email}.`) : null,
    problems, form, h('p', {}, other));
}

const email = () => h('input', { type: 'email', name: 'email', autocomplete: 'email', required: true, maxlength: '254' });

/** #/sign-in */
export function signIn(context) {
  accountForm(context, {
    id: 'sign-in-form',
    title: 'Sign in',
    submitLabel: 'Sign in',
    fields: [
      field('sign-in-email', 'Email', email()),
      field('sign-in-password', 'Password',
        h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true })),
    ],
    send: ({ email: address, password }) => startSession(address, password),
    other: ['No account yet? ', h('a', { href: '#/sign-up' }, 'Sign up')],
  });
}

/** #/sign-up */
export function signUp(context) {
  accountForm(context, {
    id: 'sign-up-form',
    title: 'Create an account',
    submitLabel: 'Sign up',
    fields: [
      field('sign-up-name', 'Name', h('input', { type: 'text', name: 'name', autocomplete: 'name', required: true, maxlength: '100' })),
      field('sign-up-email', 'Email', email()),
      field('sign-up-password', 'Password (at least 10 characters; a phrase is best)',
        h('input', { type: 'password', name: 'password', autocomplete: 'new-password', required: true, minlength: '10' })),
    ],
    send: ({ name, email: address, password }) => createAccount(name, address, password),
    other: ['Have an account? ', h('a', { href: '#/sign-in' }, 'Sign in')],
  });
}
