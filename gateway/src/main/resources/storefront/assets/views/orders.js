// An order followed live (its status over the event stream, its saga timeline), and the customer's orders.

import { api, Problem } from '../api.js';
import { clockTime, h, money, show, when, words } from '../dom.js';
import { followOrder } from '../order-stream.js';
import { busy, heading, report, requireSignIn } from './common.js';

const TERMINAL = new Set(['CONFIRMED', 'CANCELLED']);
const SAGA = ['PENDING', 'AWAITING_PAYMENT'];

function statusBadge(order, id) {
  return h('span', { class: `status status-${order.status.toLowerCase()}`, id }, order.status);
}

/** PENDING → AWAITING_PAYMENT → CONFIRMED or CANCELLED, with the steps passed marked. */
function progress(order) {
  const end = order.status === 'CANCELLED' ? 'CANCELLED' : 'CONFIRMED';
  const steps = [...SAGA, end];
  const reached = steps.indexOf(order.status);
  return h('ol', { class: 'saga', 'aria-label': 'Progress' }, steps.map((step, index) => h('li', {
    class: index < reached ? 'done' : index === reached ? `current ${step.toLowerCase()}` : 'todo',
    'aria-current': index === reached ? 'step' : null,
  }, words(step))));
}

function timelineList(steps) {
  if (steps.length === 0) {
    return h('p', {}, 'No step yet.');
  }
  const start = new Date(steps[0].occurredAt).getTime();
  return h('ol', { class: 'timeline', id: 'timeline' }, steps.map((step) => {
    const offset = new Date(step.occurredAt).getTime() - start;
    return h('li', { class: `actor-${step.actor}`, dataset: { step: step.step, actor: step.actor } },
      h('span', { class: 'timeline-when' }, clockTime(step.occurredAt), ' ', h('span', { class: 'offset' }, `+${offset} ms`)),
      h('span', { class: 'actor' }, step.actor),
      h('span', { class: 'step' }, words(step.step)),
      step.detail ? h('span', { class: 'detail' }, step.detail) : null);
  }));
}

function paymentLine(payment) {
  const parts = [`${words(payment.status)}: ${money(payment.amount)} via ${payment.provider}`];
  if (payment.declineCode) {
    parts.push(`decline code ${payment.declineCode}`);
  }
  if (payment.failureReason) {
    parts.push(payment.failureReason);
  }
  return h('p', { id: 'payment', dataset: { status: payment.status } }, parts.join(' — '));
}

/** An order's page: #/orders/{id}. Follows the order live until it is confirmed or cancelled. */
export async function order(context, id) {
  const { container, signal, title } = context;
  title('Order');
  if (!requireSignIn(context, 'Order')) {
    return;
  }
  const path = `/api/orders/${encodeURIComponent(id)}`;
  const first = await api(path, { signal });
  const problems = h('div', { class: 'problems' });
  const summary = h('section', { class: 'order-summary', 'aria-labelledby': 'status-heading' });
  const connection = h('p', { class: 'connection', id: 'stream-state' });
  const received = h('ol', { class: 'received', id: 'live-statuses' });
  const timeline = h('div', { 'aria-live': 'polite', 'aria-relevant': 'additions' });
  const payment = h('div');
  const actions = h('div', { class: 'actions' });
  container.append(
    heading(`Order ${first.id.slice(0, 8)}`),
    h('p', { class: 'muted' }, 'Placed ', when(first.createdAt), ' · ', h('code', {}, first.id)),
    problems, summary,
    h('section', { 'aria-labelledby': 'timeline-heading' },
      h('h2', { id: 'timeline-heading' }, 'Saga timeline'),
      h('p', { class: 'muted' }, 'Every step of the order\'s saga, the service that took it, and when.'),
      timeline),
    h('section', { 'aria-labelledby': 'live-heading' },
      h('h2', { id: 'live-heading' }, 'Statuses received live'), connection, received),
    h('section', { 'aria-labelledby': 'items-heading' },
      h('h2', { id: 'items-heading' }, 'Items'),
      h('ul', { class: 'order-items' }, first.items.map((item) => h('li', {},
        `${item.quantity} × ${item.name} — ${money(item.lineTotal)}`))),
      h('p', {}, 'Total ', h('strong', {}, money(first.total)), ' · paid with ', h('code', {}, first.paymentMethod)),
      payment),
    actions);

  let latest = first;
  const draw = async (current) => {
    latest = current;
    show(summary,
      h('h2', { id: 'status-heading' }, 'Status ', statusBadge(current, 'order-status')),
      current.cancellationReason
        ? h('p', { class: 'reason', id: 'cancellation-reason' }, 'Cancelled: ', h('strong', {}, current.cancellationReason),
          ` (${words(current.cancellationReason).toLowerCase()})`)
        : null,
      progress(current));
    show(actions, TERMINAL.has(current.status) ? null : cancelButton(context, path, problems));
    try {
      const [steps, payments] = await Promise.all([
        api(`${path}/timeline`, { signal }),
        api(`/api/payments?orderId=${encodeURIComponent(current.id)}`, { signal }).catch((error) => {
          if (error instanceof Problem && error.status === 404) {
            return null; // no payment yet (or never: out of stock)
          }
          throw error;
        }),
      ]);
      if (latest === current) {
        show(timeline, timelineList(steps.items));
        show(payment, payments?.items?.length ? paymentLine(payments.items[0]) : null);
      }
    } catch (error) {
      if (!signal.aborted) {
        report(problems, error);
      }
    }
  };
  await draw(first);

  const states = { open: 'Following the order live…', reconnecting: 'Reconnecting…', closed: 'Final: the stream has ended.' };
  followOrder(id, {
    signal,
    onConnection: (state) => {
      connection.dataset.state = state;
      show(connection, states[state]);
    },
    onOrder: (current) => {
      received.append(h('li', { dataset: { status: current.status } }, clockTime(new Date().toISOString()), ' ', current.status));
      if (current.status !== latest.status || current.updatedAt !== latest.updatedAt) {
        context.announce(`Order ${current.status.toLowerCase().replace('_', ' ')}.`);
      }
      draw(current);
    },
  }).catch((error) => {
    if (!signal.aborted) {
      report(problems, error);
      show(connection, 'Not following: the stream failed.');
    }
  });
}

function cancelButton(context, path, problems) {
  const button = h('button', {
    type: 'button', class: 'button secondary', id: 'cancel-order',
    onclick: () => busy(button, async () => {
      try {
        await api(`${path}/cancel`, { method: 'POST' });
        context.announce('Order cancelled.');
      } catch (error) {
        report(problems, error);
      }
    }),
  }, 'Cancel order');
  return button;
}

/** The customer's orders, newest first: #/orders?page=… */
export async function orders(context) {
  const { container, params, signal, title } = context;
  title('My orders');
  if (!requireSignIn(context, 'My orders')) {
    return;
  }
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  const found = await api(`/api/orders?page=${page}&size=10`, { signal });
  container.append(heading('My orders'));
  if (found.totalItems === 0) {
    container.append(h('p', {}, 'No order yet. ', h('a', { href: '#/' }, 'Browse the products'), '.'));
    return;
  }
  container.append(h('table', { class: 'orders', id: 'orders' },
    h('caption', { class: 'visually-hidden' }, 'Your orders, newest first'),
    h('thead', {}, h('tr', {}, ['Order', 'Placed', 'Status', 'Items', 'Total'].map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, found.items.map((each) => h('tr', { dataset: { orderId: each.id } },
      h('th', { scope: 'row' }, h('a', { href: `#/orders/${each.id}` }, each.id.slice(0, 8))),
      h('td', {}, when(each.createdAt)),
      h('td', {}, statusBadge(each), each.cancellationReason ? ` ${each.cancellationReason}` : ''),
      h('td', { class: 'number' }, String(each.items.reduce((sum, item) => sum + item.quantity, 0))),
      h('td', { class: 'number' }, money(each.total)))))));
  if (found.totalPages > 1) {
    const link = (label, target) => (target < 0 || target >= found.totalPages
      ? h('span', { class: 'button secondary', 'aria-disabled': 'true' }, label)
      : h('a', { class: 'button secondary', href: `#/orders?page=${target}` }, label));
    container.append(h('nav', { class: 'pages', 'aria-label': 'Pages' }, link('Previous', page - 1),
      h('span', { 'aria-current': 'page' }, `Page ${page + 1} of ${found.totalPages}`), link('Next', page + 1)));
  }
}
