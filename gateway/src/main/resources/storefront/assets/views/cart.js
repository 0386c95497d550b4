// The cart (change a quantity, remove a line) and checkout with a Stripe test payment method.

import { api, Problem } from '../api.js';
import { h, money, show } from '../dom.js';
import { busy, heading, markFields, problemBox, report, requireSignIn } from './common.js';

/**
 * Stripe's documented test payment methods, which both payment providers (the simulator and Stripe test mode) answer
 * the same way: payment-service's README lists them all. A real shop would collect a card with Stripe Elements instead.
 */
export const PAYMENT_METHODS = [
  { id: 'pm_card_visa', label: 'Visa — succeeds' },
  { id: 'pm_card_mastercard', label: 'Mastercard — succeeds' },
  { id: 'pm_card_amex', label: 'American Express — succeeds' },
  { id: 'pm_card_chargeDeclined', label: 'Card declined (generic_decline)' },
  { id: 'pm_card_chargeDeclinedInsufficientFunds', label: 'Insufficient funds (insufficient_funds)' },
  { id: 'pm_card_chargeDeclinedExpiredCard', label: 'Expired card (expired_card)' },
  { id: 'pm_card_chargeDeclinedIncorrectCvc', label: 'Incorrect CVC (incorrect_cvc)' },
  { id: 'pm_card_chargeDeclinedProcessingError', label: 'Processing error (processing_error)' },
  { id: 'pm_card_authenticationRequired', label: 'Needs 3-D Secure (authentication_required)' },
];

/** How many units the cart holds. */
export async function cartCount() {
  const cart = await api('/api/cart');
  return cart.items.reduce((sum, item) => sum + item.quantity, 0);
}

/** Adds units of a product to the cart and says so. */
export async function addToCart({ announce, refreshCart, container }, product, quantity) {
  try {
    await api('/api/cart/items', { method: 'POST', body: { productId: product.id, quantity } });
    announce(`Added ${quantity} × ${product.name} to the cart.`);
    await refreshCart();
  } catch (error) {
    announce(`Not added: ${error.title ?? error.message}${error.detail ? ` — ${error.detail}` : ''}`);
    container.prepend(problemBox(error));
  }
}

function cartTable(context, cart, redraw, problems) {
  const rows = cart.items.map((item) => {
    const id = `quantity-${item.productId}`;
    const quantity = h('input', {
      id, type: 'number', name: 'quantity', min: '1', max: '99', value: String(item.quantity), inputmode: 'numeric',
      onchange: async (event) => {
        const wanted = Number.parseInt(event.target.value, 10);
        try {
          const changed = await api(`/api/cart/items/${item.productId}`, { method: 'PATCH', body: { quantity: wanted } });
          report(problems, null);
          context.announce(`${item.name}: quantity ${wanted}.`);
          redraw(changed);
        } catch (error) {
          report(problems, error);
          event.target.value = String(item.quantity);
        }
      },
    });
    const remove = h('button', {
      type: 'button', class: 'link-button', 'aria-label': `Remove ${item.name} from the cart`,
      onclick: () => busy(remove, async () => {
        try {
          redraw(await api(`/api/cart/items/${item.productId}`, { method: 'DELETE' }));
          context.announce(`Removed ${item.name}.`);
        } catch (error) {
          report(problems, error);
        }
      }),
    }, 'Remove');
    return h('tr', { dataset: { productId: item.productId } },
      h('th', { scope: 'row' }, h('a', { href: `#/products/${item.productId}` }, item.name)),
      h('td', { class: 'number' }, money(item.unitPrice)),
      h('td', {}, h('label', { for: id, class: 'visually-hidden' }, `Quantity of ${item.name}`), quantity),
      h('td', { class: 'number' }, money(item.lineTotal)),
      h('td', {}, remove));
  });
  return h('table', { class: 'cart' },
    h('caption', { class: 'visually-hidden' }, 'Items in the cart'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Product'), h('th', { scope: 'col', class: 'number' }, 'Unit price'),
      h('th', { scope: 'col' }, 'Quantity'), h('th', { scope: 'col', class: 'number' }, 'Total'),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Remove')))),
    h('tbody', {}, rows),
    h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: '3' }, 'Total'),
      h('td', { class: 'number', id: 'cart-total' }, money(cart.total)), h('td'))));
}

function priceChanges(problem) {
  const changes = problem.extra.priceChanges ?? [];
  if (changes.length === 0) {
    return null;
  }
  return h('ul', { class: 'price-changes' }, changes.map((change) => h('li', {},
    `${change.productId}: ${money(change.oldUnitPrice)} → ${money(change.newUnitPrice)}`)));
}

function checkoutForm(context, problems, redraw) {
  // One key per checkout attempt: a retry after a lost answer sends the same key and gets the same order; any answer
  // from the service ends the attempt, so the next click is a new checkout.
  let idempotencyKey = crypto.randomUUID();
  const choices = PAYMENT_METHODS.map((method, index) => h('div', { class: 'choice' },
    h('input', { type: 'radio', name: 'paymentMethod', id: `pay-${method.id}`, value: method.id, checked: index === 0 }),
    h('label', { for: `pay-${method.id}` }, method.label, ' ', h('code', {}, method.id))));
  const submit = h('button', { type: 'submit', class: 'button', id: 'place-order' }, 'Place order');
  const form = h('form', {
    class: 'checkout', method: 'post',
    onsubmit: (event) => {
      event.preventDefault();
      const paymentMethod = new FormData(form).get('paymentMethod');
      busy(submit, async () => {
        try {
          const order = await api('/api/orders', {
            method: 'POST', body: { paymentMethod }, headers: { 'Idempotency-Key': idempotencyKey },
          });
          idempotencyKey = crypto.randomUUID();
          await context.refreshCart();
          context.go(`#/orders/${order.id}`);
        } catch (error) {
          if (error instanceof Problem && error.status > 0) {
            idempotencyKey = crypto.randomUUID();
          }
          report(problems, error);
          if (error instanceof Problem && error.kind === 'prices-changed') {
            problems.firstChild.append(priceChanges(error));
            redraw(await api('/api/cart'));
          }
          markFields(form, error);
        }
      });
    },
  },
  h('fieldset', {}, h('legend', {}, 'Payment method (Stripe test cards)'), choices),
  submit);
  return form;
}

/** The cart and checkout: #/cart */
export async function cart(context) {
  const { container, signal, title } = context;
  title('Cart');
  if (!requireSignIn(context, 'Cart')) {
    return;
  }
  const problems = h('div', { class: 'problems' });
  const body = h('div');
  container.append(heading('Cart'), problems, body);
  const redraw = (current) => {
    if (current.items.length === 0) {
      show(body, h('p', { id: 'cart-empty' }, 'The cart is empty. ', h('a', { href: '#/' }, 'Browse the products'), '.'));
    } else {
      show(body, cartTable(context, current, redraw, problems), checkoutForm(context, problems, redraw));
    }
    context.refreshCart();
  };
  redraw(await api('/api/cart', { signal }));
}
