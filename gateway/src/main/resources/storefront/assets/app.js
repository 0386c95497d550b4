// The storefront's shell: the router (routes live in the URL's fragment, so moving around never reloads the page
// and the in-memory session survives), the header, notices, and where each view is drawn.

import { currentUser, isAdmin, onSessionChange, signOut } from './api.js';
import { h, show } from './dom.js';
import { cartCount } from './views/cart.js';
import * as views from './views/index.js';

const main = document.getElementById('main');
const notice = document.getElementById('notice');
let current = null;
let noticeTimer = null;

/** Says something in the live region (read out by screen readers), for a few seconds. */
export function announce(message) {
  clearTimeout(noticeTimer);
  show(notice, message);
  notice.classList.add('visible');
  noticeTimer = setTimeout(() => {
    notice.classList.remove('visible');
    show(notice);
  }, 5000);
}

/** Goes to a route such as "#/orders/…". */
export function go(route) {
  if (location.hash === route) {
    render();
  } else {
    location.hash = route;
  }
}

/** The route in the fragment: "#/products?q=lamp&page=2" → {path: ['products'], params}. */
function route() {
  const fragment = location.hash.startsWith('#/') ? location.hash.slice(2) : '';
  const [path, query] = fragment.split('?');
  return { path: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query ?? '') };
}

function pick({ path }) {
  const [first, second] = path;
  switch (first) {
    case undefined:
    case 'products':
      return second ? ['products', (context) => views.product(context, second)] : ['products', views.products];
    case 'cart':
      return ['cart', views.cart];
    case 'orders':
      return second ? ['orders', (context) => views.order(context, second)] : ['orders', views.orders];
    case 'admin':
      return ['admin', views.admin];
    case 'sign-in':
      return ['sign-in', views.signIn];
    case 'sign-up':
      return ['sign-up', views.signUp];
    default:
      return [null, views.notFound];
  }
}

async function render() {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const where = route();
  const [section, view] = pick(where);
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === section) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  const container = h('div', { class: 'view' });
  show(main, container);
  const context = {
    container, params: where.params, signal: controller.signal, go, announce, refreshCart,
    title: (text) => {
      document.title = `${text} · Shopflow`;
    },
  };
  try {
    await view(context);
  } catch (error) {
    if (error?.name !== 'AbortError' && !controller.signal.aborted) {
      show(container, views.problemBox(error));
    }
  }
  // Focus moves to the new view's heading, so keyboard and screen-reader users start there.
  if (!controller.signal.aborted && !container.contains(document.activeElement)) {
    (container.querySelector('h1') ?? main).focus({ preventScroll: true });
  }
}

/** Shows the number of items in the cart in the header. */
export async function refreshCart() {
  const link = document.getElementById('nav-cart');
  const count = currentUser() ? await cartCount().catch(() => null) : null;
  show(link, count ? `Cart (${count})` : 'Cart');
}

onSessionChange((user) => {
  for (const part of document.querySelectorAll('[data-when]')) {
    const wanted = part.dataset.when;
    part.hidden = !(wanted === 'signed-in' ? user : wanted === 'admin' ? isAdmin() : !user);
  }
  show(document.getElementById('account-name'), user ? user.name : '');
  refreshCart();
});

document.getElementById('sign-out').addEventListener('click', async () => {
  await signOut();
  announce('You are signed out.');
  go('#/');
});

document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  (main.querySelector('h1') ?? main).focus();
});

window.addEventListener('hashchange', render);
render();
