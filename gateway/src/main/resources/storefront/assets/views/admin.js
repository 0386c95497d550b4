// For administrators: set a product's stock, and list and replay the services' dead letters.

import { api, isAdmin } from '../api.js';
import { h, money, show, when } from '../dom.js';
import { busy, field, heading, report } from './common.js';

/** Each consuming service's dead-letter API, under its gateway prefix (docs/event-backbone.md). */
const DEAD_LETTERS = [
  { service: 'catalog-service', path: '/api/catalog/admin/dead-letters' },
  { service: 'order-service', path: '/api/orders/admin/dead-letters' },
  { service: 'payment-service', path: '/api/payments/admin/dead-letters' },
];

function stockRow(context, product, problems) {
  const id = `stock-${product.id}`;
  const quantity = h('input', { id, type: 'number', name: 'quantity', min: '0', max: '1000000000', required: true, inputmode: 'numeric' });
  const available = h('td', { class: 'number', dataset: { available: product.available } }, product.available.toLocaleString());
  const submit = h('button', { type: 'submit', class: 'button' }, 'Set');
  const form = h('form', {
    class: 'inline', method: 'post',
    onsubmit: (event) => {
      event.preventDefault();
      busy(submit, async () => {
        try {
          const changed = await api(`/api/catalog/products/${product.id}/stock`, {
            method: 'PUT', body: { quantity: Number.parseInt(quantity.value, 10) },
          });
          report(problems, null);
          available.dataset.available = changed.available;
          show(available, changed.available.toLocaleString());
          context.announce(`${product.name}: ${changed.available} available.`);
        } catch (error) {
          report(problems, error);
        }
      });
    },
  }, h('label', { for: id, class: 'visually-hidden' }, `Units on hand of ${product.name}`), quantity, submit);
  return h('tr', { dataset: { sku: product.sku } },
    h('th', { scope: 'row' }, product.name, h('br'), h('small', {}, product.sku)),
    h('td', { class: 'number' }, money(product.price)), available, h('td', {}, form));
}

function stockSection(context) {
  const problems = h('div', { class: 'problems' });
  const results = h('div');
  const search = h('input', { type: 'search', name: 'q', required: true, maxlength: '200' });
  const find = async (event) => {
    event.preventDefault();
    try {
      const found = await api(`/api/catalog/products?size=10&q=${encodeURIComponent(search.value)}`, { signal: context.signal });
      report(problems, null);
      show(results, found.items.length === 0 ? h('p', {}, 'No product matches.') : h('table', { class: 'stock', id: 'stock-results' },
        h('caption', { class: 'visually-hidden' }, 'Products found'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Product'), h('th', { scope: 'col', class: 'number' }, 'Price'),
          h('th', { scope: 'col', class: 'number' }, 'Available'), h('th', { scope: 'col' }, 'Set units on hand'))),
        h('tbody', {}, found.items.map((product) => stockRow(context, product, problems)))));
    } catch (error) {
      report(problems, error);
    }
  };
  return h('section', { 'aria-labelledby': 'stock-heading' },
    h('h2', { id: 'stock-heading' }, 'Stock'),
    h('p', { class: 'muted' }, 'Units on hand; what is available is that minus what orders have reserved.'),
    h('form', { class: 'search', role: 'search', method: 'get', onsubmit: find },
      field('stock-q', 'Find products', search), h('button', { type: 'submit', class: 'button' }, 'Find')),
    problems, results);
}

function deadLetterTable(context, source, letters, reload, problems) {
  if (letters.length === 0) {
    return h('p', { class: 'muted' }, 'No dead letters.');
  }
  const topics = [...new Set(letters.map((letter) => letter.originalTopic ?? letter.deadLetterTopic.replace(/\.dlt$/, '')))];
  const replay = (label, url) => {
    const button = h('button', {
      type: 'button', class: 'button secondary',
      onclick: () => busy(button, async () => {
        try {
          await api(url, { method: 'POST' });
          context.announce(`Replayed: ${label}.`);
          await reload();
        } catch (error) {
          report(problems, error);
        }
      }),
    }, `Replay ${label}`);
    return button;
  };
  return [
    h('table', { class: 'dead-letters' },
      h('caption', { class: 'visually-hidden' }, `Dead letters of ${source.service}`),
      h('thead', {}, h('tr', {}, ['Dead since', 'Event', 'Order (key)', 'Where', 'Why', ''].map((name) => h('th', { scope: 'col' }, name)))),
      h('tbody', {}, letters.map((letter) => {
        const topic = letter.originalTopic ?? letter.deadLetterTopic.replace(/\.dlt$/, '');
        return h('tr', {},
          h('td', {}, when(letter.deadAt)),
          h('td', {}, letter.eventType ?? '—'),
          h('td', {}, h('code', {}, letter.key ?? '—')),
          h('td', {}, `${letter.deadLetterTopic} #${letter.partition}@${letter.offset}`),
          h('td', {}, letter.exceptionMessage ?? letter.exceptionClass ?? ''),
          h('td', {}, replay(`offset ${letter.offset}`,
            `${source.path}/${encodeURIComponent(topic)}/${letter.partition}/${letter.offset}/replay`)));
      }))),
    h('p', {}, topics.map((topic) => replay(`all of ${topic}`, `${source.path}/replay?topic=${encodeURIComponent(topic)}`))),
  ];
}

function deadLetterSection(context, source) {
  const problems = h('div', { class: 'problems' });
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const reload = async () => {
    try {
      const found = await api(source.path, { signal: context.signal });
      show(body, deadLetterTable(context, source, found.items, reload, problems));
    } catch (error) {
      show(body);
      report(problems, error);
    }
  };
  reload();
  const refresh = h('button', { type: 'button', class: 'link-button', onclick: () => busy(refresh, reload) }, 'Refresh');
  return h('section', { 'aria-labelledby': `dl-${source.service}`, class: 'dead-letter-source', dataset: { service: source.service } },
    h('h3', { id: `dl-${source.service}` }, source.service, ' ', refresh), problems, body);
}

/** #/admin */
export function admin(context) {
  const { container, title } = context;
  title('Admin');
  container.append(heading('Admin'));
  if (!isAdmin()) {
    container.append(h('p', {}, 'This page is for administrators. ', h('a', { href: '#/sign-in' }, 'Sign in'),
      ' with the administrator account (./shopflow up prints it).'));
    return;
  }
  container.append(stockSection(context),
    h('section', { 'aria-labelledby': 'dead-letters-heading' },
      h('h2', { id: 'dead-letters-heading' }, 'Dead letters'),
      h('p', { class: 'muted' }, 'Events a service could not apply after its retries. Replaying one publishes it to its topic again; the inbox applies it at most once.'),
      DEAD_LETTERS.map((source) => deadLetterSection(context, source))));
}
