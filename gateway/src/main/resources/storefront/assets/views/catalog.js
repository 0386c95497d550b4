// Browsing: the product list with search, category filter and paging, and a product's page.

import { api, currentUser } from '../api.js';
import { h, money } from '../dom.js';
import { addToCart } from './cart.js';
import { busy, field, heading, report } from './common.js';

const PAGE_SIZE = 12;
let categories = null;

async function allCategories(signal) {
  categories ??= api('/api/catalog/categories', { auth: false, signal })
    .then((answer) => answer.items)
    .catch((error) => {
      categories = null;
      throw error;
    });
  return categories;
}

/** A product's picture over a placeholder, which stays when the picture cannot load (offline, blocked). */
function picture(product, size) {
  const image = h('img', {
    src: product.imageUrl, alt: '', loading: 'lazy', width: size, height: Math.round(size * 0.75),
    onerror: (event) => event.target.remove(),
  });
  return h('div', { class: 'picture', 'aria-hidden': 'true', dataset: { initial: product.name.charAt(0) } }, image);
}

function availability(product) {
  return product.available > 0
    ? h('span', { class: 'available' }, `${product.available.toLocaleString()} in stock`)
    : h('span', { class: 'sold-out' }, 'Sold out');
}

/** "Add to cart" for a signed-in customer; a link to sign in otherwise. */
function buyButton(context, product, quantityOf = () => 1) {
  if (!currentUser()) {
    return h('a', { class: 'button secondary', href: '#/sign-in' }, 'Sign in to buy');
  }
  const button = h('button', {
    type: 'button', class: 'button', disabled: product.available <= 0,
    'aria-label': `Add ${product.name} to the cart`,
    onclick: () => busy(button, () => addToCart(context, product, quantityOf())),
  }, 'Add to cart');
  return button;
}

function productsUrl({ q, category, page }) {
  const query = new URLSearchParams();
  if (q) {
    query.set('q', q);
  }
  if (category) {
    query.set('category', category);
  }
  if (page) {
    query.set('page', String(page));
  }
  const text = query.toString();
  return text ? `#/products?${text}` : '#/products';
}

/** The product list: #/products?q=…&category=…&page=… */
export async function products(context) {
  const { container, params, signal, title, go } = context;
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? '';
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  title(q ? `“${q}”` : 'Products');

  const search = h('input', { type: 'search', name: 'q', value: q, maxlength: '200', autocomplete: 'off' });
  const select = h('select', { name: 'category' }, h('option', { value: '' }, 'All categories'));
  const form = h('form', {
    class: 'search', role: 'search', method: 'get',
    onsubmit: (event) => {
      event.preventDefault();
      go(productsUrl({ q: search.value.trim(), category: select.value, page: 0 }));
    },
  },
  field('search-q', 'Search products', search),
  field('search-category', 'Category', select),
  h('button', { type: 'submit', class: 'button' }, 'Search'));
  const problems = h('div');
  const results = h('section', { 'aria-labelledby': 'results-heading', class: 'results' });
  container.append(heading(q ? `Products matching “${q}”` : 'Products'), form, problems, results);

  const query = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
  if (q) {
    query.set('q', q);
  }
  if (category) {
    query.set('category', category);
  }
  const [found, known] = await Promise.all([
    api(`/api/catalog/products?${query}`, { auth: false, signal }),
    allCategories(signal).catch((error) => {
      report(problems, error);
      return [];
    }),
  ]);
  for (const each of known) {
    select.append(h('option', { value: each.slug, selected: each.slug === category }, `${each.name} (${each.productCount})`));
  }

  const total = found.totalItems;
  results.append(h('h2', { id: 'results-heading', class: 'visually-hidden' }, 'Results'),
    h('p', { class: 'count', id: 'result-count' }, total === 1 ? '1 product' : `${total.toLocaleString()} products`));
  if (found.items.length === 0) {
    results.append(h('p', {}, 'No product matches. Try other words or another category.'));
    return;
  }
  results.append(h('ul', { class: 'products' }, found.items.map((item) => h('li', { class: 'card', dataset: { sku: item.sku } },
    picture(item, 320),
    h('h3', {}, h('a', { href: `#/products/${item.id}` }, item.name)),
    h('p', { class: 'price' }, money(item.price)),
    h('p', { class: 'stock' }, availability(item)),
    buyButton(context, item)))));

  if (found.totalPages > 1) {
    const link = (label, target, rel) => (target < 0 || target >= found.totalPages
      ? h('span', { class: 'button secondary', 'aria-disabled': 'true' }, label)
      : h('a', { class: 'button secondary', href: productsUrl({ q, category, page: target }), rel }, label));
    results.append(h('nav', { class: 'pages', 'aria-label': 'Pages' },
      link('Previous', page - 1, 'prev'),
      h('span', { 'aria-current': 'page' }, `Page ${page + 1} of ${found.totalPages}`),
      link('Next', page + 1, 'next')));
  }
}

/** A product's page: #/products/{id} */
export async function product(context, id) {
  const { container, signal, title } = context;
  const item = await api(`/api/catalog/products/${encodeURIComponent(id)}`, { auth: false, signal });
  title(item.name);
  const quantity = h('input', { type: 'number', name: 'quantity', min: '1', max: '99', value: '1', inputmode: 'numeric' });
  const attributes = Object.entries(item.attributes ?? {});
  container.append(
    h('p', { class: 'breadcrumbs' }, h('a', { href: `#/products?category=${encodeURIComponent(item.category)}` }, item.categoryName ?? item.category)),
    h('article', { class: 'product' },
      picture(item, 640),
      h('div', { class: 'product-body' },
        heading(item.name),
        h('p', { class: 'sku' }, `SKU ${item.sku}`),
        h('p', { class: 'price big' }, money(item.price)),
        h('p', { class: 'stock' }, availability(item)),
        h('p', { class: 'description' }, item.description),
        attributes.length > 0
          ? h('dl', { class: 'attributes' }, attributes.map(([name, value]) => [h('dt', {}, name.replaceAll('_', ' ')), h('dd', {}, value)]))
          : null,
        currentUser() ? h('div', { class: 'buy' }, field('product-quantity', 'Quantity', quantity),
          buyButton(context, item, () => Number.parseInt(quantity.value, 10) || 1)) : buyButton(context, item))));
}
