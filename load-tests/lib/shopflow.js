// The shared part of Shopflow's k6 scenarios: the gateway's address, a pool of customers signed up in setup(),
// catalog reads, the cart, checkout with an Idempotency-Key, and following an order to its final state.
// Every request carries an `endpoint` tag (and a `name` without ids), so that each scenario's thresholds and the
// summary can speak per endpoint.
import http from 'k6/http';
import { check, fail, sleep } from 'k6';
import exec from 'k6/execution';
import { Counter, Trend } from 'k6/metrics';

/** The gateway; `./shopflow load` passes the running stack's as SHOPFLOW_URL. */
export const BASE_URL = (__ENV.SHOPFLOW_URL || 'http://localhost:8080').replace(/\/+$/, '');

const PASSWORD = 'a long enough load-test passphrase';
/** Stripe's documented test payment methods, honoured by the simulated provider and by Stripe test mode. */
export const CARD_OK = 'pm_card_visa';
export const CARD_DECLINED = 'pm_card_chargeDeclined';
/** A product the script keeps at zero stock (when it may sign in as the administrator): orders for it are rejected. */
export const SOLD_OUT_SKU = 'LOAD-SOLD-OUT';

/** Time from the 202 of POST /api/orders until the order is seen CONFIRMED, in milliseconds. */
export const placeToConfirmed = new Trend('place_to_confirmed', true);
/** Orders seen CONFIRMED. */
export const ordersConfirmed = new Counter('orders_confirmed');
/** Orders seen CANCELLED, tagged with the `reason`. */
export const ordersCancelled = new Counter('orders_cancelled');
/** Orders accepted (202) by POST /api/orders. */
export const ordersPlaced = new Counter('orders_placed');
/** Orders the script gave up following (not final within FOLLOW_TIMEOUT_S). */
export const ordersUnfinished = new Counter('orders_unfinished');
/** Orders that ended otherwise than the script expected (a good card cancelled, a sold-out product confirmed, ...). */
export const ordersUnexpected = new Counter('orders_unexpected');
/** 429 answers: a load run should not spend its time against the gateway's rate limits (see load-tests/README.md). */
export const rateLimited = new Counter('rate_limited');

const FOLLOW_TIMEOUT_S = Number(__ENV.FOLLOW_TIMEOUT_S || 60);
const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

/** A whole-number setting from the environment (`./shopflow load --rate/--vus`), or the scenario's default. */
export function intSetting(name, fallback) {
  const value = __ENV[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) fail(`${name} must be a positive whole number, not '${value}'`);
  return number;
}

/** A duration setting from the environment (`--duration`), as k6 writes them (`30s`, `2m`, `1m30s`), or the default. */
export function durationSetting(name, fallback) {
  return __ENV[name] || fallback;
}

/** Seconds in a k6 duration such as `90s`, `2m`, `1m30s` or `1h`. */
export function seconds(duration) {
  const parts = String(duration).match(/(\d+(?:\.\d+)?)(ms|s|m|h)/g);
  if (!parts || parts.join('') !== String(duration)) fail(`not a duration: '${duration}' (use 30s, 2m, 1m30s)`);
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600 };
  return parts.reduce((sum, part) => {
    const [, amount, name] = part.match(/(\d+(?:\.\d+)?)(ms|s|m|h)/);
    return sum + Number(amount) * unit[name];
  }, 0);
}

function tagged(endpoint, name, extra) {
  return Object.assign({ tags: { endpoint, name } }, extra || {});
}

function noteRateLimit(response) {
  if (response.status === 429) rateLimited.add(1);
  return response;
}

/**
 * A request sent again after a 429 for as long as the gateway's Retry-After says (setup only: it signs up the pool
 * through the `credentials` budget, which allows a burst of 200 and then 20 a second per address by default).
 */
function patiently(send) {
  for (let attempt = 0; attempt < 30; attempt++) {
    const response = send();
    if (response.status !== 429) return response;
    sleep(Math.max(1, Number(response.headers['Retry-After'] || 1)));
  }
  fail('the gateway kept answering 429 to sign-ups; raise GATEWAY_CREDENTIALS_RATE_LIMIT_* (see load-tests/README.md)');
}

/** A 429 while signing up the pool is waited out, not a failed request. */
const SIGN_UP_STATUSES = http.expectedStatuses({ min: 200, max: 299 }, 429);

function signIn(email) {
  const response = patiently(() => http.post(`${BASE_URL}/api/auth/token`, JSON.stringify({ email, password: PASSWORD }),
    Object.assign({ headers: JSON_HEADERS, responseCallback: SIGN_UP_STATUSES }, tagged('auth_token', 'POST /api/auth/token'))));
  if (response.status !== 200) fail(`sign-in of ${email} answered ${response.status}: ${response.body}`);
  const tokens = response.json();
  return { email, accessToken: tokens.access_token, refreshToken: tokens.refresh_token,
    expiresAt: Date.now() + Number(tokens.expires_in || 900) * 1000 };
}

/**
 * Signs up `count` new customers (ten at a time) and signs each in. Run in setup(): every virtual user then takes
 * its own (see `customer`), so no two share a cart.
 */
export function signUpCustomers(count) {
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const customers = [];
  for (let first = 0; first < count; first += 10) {
    const emails = [];
    for (let i = first; i < Math.min(count, first + 10); i++) emails.push(`load-${run}-${i}@example.com`);
    const responses = emails.map(() => null);
    for (let attempt = 0; attempt < 30 && responses.some((r) => r === null || r.status === 429); attempt++) {
      const pending = emails.map((email, i) => [email, i]).filter(([, i]) => responses[i] === null || responses[i].status === 429);
      const answers = http.batch(pending.map(([email]) => ['POST', `${BASE_URL}/api/auth/register`,
        JSON.stringify({ email, password: PASSWORD, name: 'Load Tester' }),
        Object.assign({ headers: JSON_HEADERS, responseCallback: SIGN_UP_STATUSES }, tagged('auth_register', 'POST /api/auth/register'))]));
      answers.forEach((answer, j) => { responses[pending[j][1]] = answer; });
      const wait = answers.filter((a) => a.status === 429).map((a) => Number(a.headers['Retry-After'] || 1));
      if (wait.length) sleep(Math.max(1, ...wait));
    }
    responses.forEach((response, i) => {
      if (!response || response.status !== 201) fail(`sign-up of ${emails[i]} answered ${response && response.status}: ${response && response.body}`);
    });
    emails.forEach((email) => customers.push(signIn(email)));
  }
  return customers;
}

/**
 * This virtual user's customer, signed in again when its access token is about to expire (a fresh sign-in rather
 * than a refresh, so that nothing breaks if two virtual users ever share a customer).
 */
let session = null;
export function customer(data) {
  if (session === null) {
    session = Object.assign({}, data.customers[(exec.vu.idInTest - 1) % data.customers.length]);
  }
  if (Date.now() > session.expiresAt - 60000) session = signIn(session.email);
  return session;
}

export function authorized(who, extraHeaders) {
  return Object.assign({ Authorization: `Bearer ${who.accessToken}` }, JSON_HEADERS, extraHeaders || {});
}

/** Every product of the demo catalog (ids, prices, availability) and the categories' slugs. */
export function loadCatalog() {
  const products = [];
  for (let page = 0; page < 20; page++) {
    const response = http.get(`${BASE_URL}/api/catalog/products?size=100&page=${page}`,
      tagged('catalog_list', 'GET /api/catalog/products'));
    if (response.status !== 200) fail(`GET /api/catalog/products answered ${response.status}`);
    const body = response.json();
    body.items.forEach((p) => products.push({ id: p.id, sku: p.sku, available: p.available }));
    if (page + 1 >= body.totalPages) break;
  }
  const categories = http.get(`${BASE_URL}/api/catalog/categories`, tagged('catalog_categories', 'GET /api/catalog/categories'));
  if (categories.status !== 200) fail(`GET /api/catalog/categories answered ${categories.status}`);
  const forSale = products.filter((p) => p.sku !== SOLD_OUT_SKU && p.available > 10000);
  if (forSale.length === 0) fail('no product with stock to buy: is the demo catalog loaded?');
  const soldOut = products.find((p) => p.sku === SOLD_OUT_SKU);
  return { productIds: forSale.map((p) => p.id), categories: categories.json().items.map((c) => c.slug),
    soldOutProductId: soldOut ? soldOut.id : null };
}

/**
 * The id of a product kept at zero stock, for the out-of-stock share of checkouts: created once (SKU
 * LOAD-SOLD-OUT) and set to 0 on hand on every run, through the admin API. Needs SHOPFLOW_ADMIN_EMAIL and
 * SHOPFLOW_ADMIN_PASSWORD (`./shopflow load` passes the running stack's); without them, null.
 *
 * @param catalog what loadCatalog() found (its soldOutProductId when the product exists already)
 */
export function soldOutProduct(catalog) {
  const email = __ENV.SHOPFLOW_ADMIN_EMAIL;
  const password = __ENV.SHOPFLOW_ADMIN_PASSWORD;
  if (!email || !password) {
    console.warn('No SHOPFLOW_ADMIN_EMAIL/SHOPFLOW_ADMIN_PASSWORD: the out-of-stock share of checkouts is left out.');
    return null;
  }
  const signedIn = http.post(`${BASE_URL}/api/auth/token`, JSON.stringify({ email, password }),
    Object.assign({ headers: JSON_HEADERS }, tagged('auth_token', 'POST /api/auth/token')));
  if (signedIn.status !== 200) fail(`the administrator's sign-in answered ${signedIn.status}: ${signedIn.body}`);
  const admin = { accessToken: signedIn.json().access_token };
  let product = catalog.soldOutProductId ? { id: catalog.soldOutProductId } : null;
  if (!product) {
    const created = http.post(`${BASE_URL}/api/catalog/products`, JSON.stringify({
      sku: SOLD_OUT_SKU, name: 'Load test: always sold out', description: 'Kept at zero stock by the k6 scenarios.',
      category: 'toys-games', price: { amount: 100, currency: 'EUR' },
      imageUrl: 'https://picsum.photos/seed/LOAD-SOLD-OUT/640/480', attributes: {}, stock: 0,
    }), Object.assign({ headers: authorized(admin) }, tagged('catalog_admin', 'POST /api/catalog/products')));
    if (created.status !== 201) fail(`creating ${SOLD_OUT_SKU} answered ${created.status}: ${created.body}`);
    product = created.json();
  }
  const stock = http.put(`${BASE_URL}/api/catalog/products/${product.id}/stock`, JSON.stringify({ quantity: 0 }),
    Object.assign({ headers: authorized(admin) }, tagged('catalog_admin', 'PUT /api/catalog/products/{id}/stock')));
  if (stock.status !== 200) fail(`setting ${SOLD_OUT_SKU}'s stock answered ${stock.status}: ${stock.body}`);
  return product.id;
}

export function pick(list) {
  return list[Math.floor(Math.random() * list.length)];
}

// ---- catalog -------------------------------------------------------------------------------------------------

const SEARCHES = ['headphones', 'coffee', 'kettle', 'wireless', 'book', 'running', 'lamp', 'tea', '"stainless steel"', 'black -wireless'];
const SORTS = ['name', 'price', 'price-desc', 'newest'];

export function listProducts(who, category) {
  const query = category ? `category=${category}&` : '';
  return noteRateLimit(http.get(`${BASE_URL}/api/catalog/products?${query}size=20&page=${Math.floor(Math.random() * 3)}&sort=${pick(SORTS)}`,
    Object.assign({ headers: who ? authorized(who) : {} }, tagged('catalog_list', 'GET /api/catalog/products'))));
}

export function searchProducts(who) {
  return noteRateLimit(http.get(`${BASE_URL}/api/catalog/products?q=${encodeURIComponent(pick(SEARCHES))}&size=20`,
    Object.assign({ headers: who ? authorized(who) : {} }, tagged('catalog_search', 'GET /api/catalog/products?q='))));
}

export function listCategories(who) {
  return noteRateLimit(http.get(`${BASE_URL}/api/catalog/categories`,
    Object.assign({ headers: who ? authorized(who) : {} }, tagged('catalog_categories', 'GET /api/catalog/categories'))));
}

/** A product page, then the same page again with If-None-Match, as a browser revalidating its cache would. */
export function viewProduct(who, productId) {
  const headers = who ? authorized(who) : {};
  const page = noteRateLimit(http.get(`${BASE_URL}/api/catalog/products/${productId}`,
    Object.assign({ headers }, tagged('catalog_product', 'GET /api/catalog/products/{id}'))));
  check(page, { 'product page 200 with an ETag': (r) => r.status === 200 && !!r.headers.Etag });
  if (page.status === 200 && page.headers.Etag) {
    const again = noteRateLimit(http.get(`${BASE_URL}/api/catalog/products/${productId}`, Object.assign(
      { headers: Object.assign({ 'If-None-Match': page.headers.Etag }, headers),
        responseCallback: http.expectedStatuses(200, 304) },
      tagged('catalog_product_revalidate', 'GET /api/catalog/products/{id} If-None-Match'))));
    // 200 is right too when the product's availability changed in between (an order reserved some).
    check(again, { 'revalidation 304 or 200': (r) => r.status === 304 || r.status === 200 });
  }
  return page;
}

// ---- cart and checkout ---------------------------------------------------------------------------------------

export function addToCart(who, productId, quantity) {
  const response = noteRateLimit(http.post(`${BASE_URL}/api/cart/items`, JSON.stringify({ productId, quantity }),
    Object.assign({ headers: authorized(who) }, tagged('cart_add', 'POST /api/cart/items'))));
  check(response, { 'cart add 200': (r) => r.status === 200 });
  return response;
}

export function getCart(who) {
  const response = noteRateLimit(http.get(`${BASE_URL}/api/cart`, Object.assign({ headers: authorized(who) }, tagged('cart_get', 'GET /api/cart'))));
  check(response, { 'cart 200': (r) => r.status === 200 });
  return response;
}

export function changeCartItem(who, productId, quantity) {
  const response = noteRateLimit(http.patch(`${BASE_URL}/api/cart/items/${productId}`, JSON.stringify({ quantity }),
    Object.assign({ headers: authorized(who) }, tagged('cart_update', 'PATCH /api/cart/items/{id}'))));
  check(response, { 'cart change 200': (r) => r.status === 200 });
  return response;
}

export function removeCartItem(who, productId) {
  const response = noteRateLimit(http.del(`${BASE_URL}/api/cart/items/${productId}`, null,
    Object.assign({ headers: authorized(who) }, tagged('cart_remove', 'DELETE /api/cart/items/{id}'))));
  check(response, { 'cart remove 200': (r) => r.status === 200 });
  return response;
}

export function clearCart(who) {
  const response = noteRateLimit(http.del(`${BASE_URL}/api/cart`, null,
    Object.assign({ headers: authorized(who) }, tagged('cart_clear', 'DELETE /api/cart'))));
  check(response, { 'cart cleared 204': (r) => r.status === 204 });
  return response;
}

function idempotencyKey() {
  return `k6-${exec.vu.idInTest}-${exec.vu.iterationInInstance}-${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
}

/**
 * Checks the cart out (or buys `items` at once) with a fresh Idempotency-Key; returns the accepted order with the
 * time it was accepted, or null. With `repeatKey`, sends the very same request again and checks that it names the
 * same order (an idempotent retry, as a client that lost the first answer would send).
 */
export function placeOrder(who, paymentMethod, items, repeatKey) {
  const body = JSON.stringify(items ? { paymentMethod, items } : { paymentMethod });
  const params = Object.assign({ headers: authorized(who, { 'Idempotency-Key': idempotencyKey() }) },
    tagged('order_place', 'POST /api/orders'));
  const response = noteRateLimit(http.post(`${BASE_URL}/api/orders`, body, params));
  const placedAt = Date.now();
  const accepted = check(response, {
    'checkout 202 with Location': (r) => r.status === 202 && !!r.headers.Location,
  });
  if (!accepted) return null;
  ordersPlaced.add(1);
  const order = response.json();
  if (repeatKey) {
    const again = http.post(`${BASE_URL}/api/orders`, body, params);
    check(again, { 'same Idempotency-Key, same order': (r) => r.status < 300 && r.json('id') === order.id });
  }
  return { id: order.id, placedAt };
}

const TERMINAL = ['CONFIRMED', 'CANCELLED'];

/**
 * Follows an order to CONFIRMED or CANCELLED and records the outcome. It listens to the order's server-sent events
 * (GET /api/orders/{id}/events, a stream that ends once the order is final: k6 returns when it ends) and falls
 * back to polling GET /api/orders/{id} every 250 ms if the stream ends early or fails. `place_to_confirmed` is
 * measured from the checkout's 202 to the moment the final state is seen.
 *
 * @return the order in its final state, with `placeToSeenMillis`; null when it did not get there in time
 * @param expected 'CONFIRMED' or a cancellation reason; anything else counts in `orders_unexpected`
 */
export function followOrder(who, order, expected) {
  const stream = http.get(`${BASE_URL}/api/orders/${order.id}/events`, Object.assign(
    { headers: authorized(who, { Accept: 'text/event-stream' }), timeout: `${FOLLOW_TIMEOUT_S}s` },
    tagged('order_events', 'GET /api/orders/{id}/events')));
  let final = stream.status === 200 ? lastOrderEvent(stream.body) : null;
  const deadline = order.placedAt + FOLLOW_TIMEOUT_S * 1000;
  while ((final === null || !TERMINAL.includes(final.status)) && Date.now() < deadline) {
    const read = noteRateLimit(http.get(`${BASE_URL}/api/orders/${order.id}`,
      Object.assign({ headers: authorized(who) }, tagged('order_get', 'GET /api/orders/{id}'))));
    if (read.status === 200 && TERMINAL.includes(read.json('status'))) {
      final = read.json();
      break;
    }
    sleep(0.25);
  }
  const seenAt = Date.now();
  if (final === null || !TERMINAL.includes(final.status)) {
    ordersUnfinished.add(1);
    return null;
  }
  if (final.status === 'CONFIRMED') {
    ordersConfirmed.add(1);
    placeToConfirmed.add(seenAt - order.placedAt);
  } else {
    ordersCancelled.add(1, { reason: final.cancellationReason || 'UNKNOWN' });
  }
  final.placeToSeenMillis = seenAt - order.placedAt;
  const outcome = final.status === 'CONFIRMED' ? 'CONFIRMED' : final.cancellationReason;
  if (expected && outcome !== expected) {
    ordersUnexpected.add(1);
    console.warn(`order ${order.id} ended ${outcome}, expected ${expected}`);
  }
  return final;
}

function lastOrderEvent(body) {
  let last = null;
  for (const line of String(body || '').split('\n')) {
    if (line.startsWith('data:')) {
      try {
        last = JSON.parse(line.substring(5));
      } catch (e) {
        // a partial line at the end of a cut stream: the fallback reads the order instead
      }
    }
  }
  return last;
}

export function orderTimeline(who, orderId) {
  const response = noteRateLimit(http.get(`${BASE_URL}/api/orders/${orderId}/timeline`,
    Object.assign({ headers: authorized(who) }, tagged('order_timeline', 'GET /api/orders/{id}/timeline'))));
  check(response, { 'timeline 200': (r) => r.status === 200 && r.json('items').length > 0 });
  return response;
}

export function listOrders(who) {
  const response = noteRateLimit(http.get(`${BASE_URL}/api/orders?size=10`,
    Object.assign({ headers: authorized(who) }, tagged('order_list', 'GET /api/orders'))));
  check(response, { 'orders 200': (r) => r.status === 200 });
  return response;
}

export function paymentsOf(who, orderId) {
  const response = noteRateLimit(http.get(`${BASE_URL}/api/payments?orderId=${orderId}`,
    Object.assign({ headers: authorized(who) }, tagged('payments_get', 'GET /api/payments?orderId='))));
  check(response, { 'payments 200': (r) => r.status === 200 });
  return response;
}

/** Cancels an order: 200 while it is not final (or already cancelled), 409 once it is confirmed — both expected. */
export function cancelOrder(who, orderId) {
  const response = noteRateLimit(http.post(`${BASE_URL}/api/orders/${orderId}/cancel`, null, Object.assign(
    { headers: authorized(who), responseCallback: http.expectedStatuses(200, 409) },
    tagged('order_cancel', 'POST /api/orders/{id}/cancel'))));
  check(response, { 'cancel 200 or 409': (r) => r.status === 200 || r.status === 409 });
  return response;
}

/** Trades the refresh token for new tokens (rotation): this virtual user goes on with the new ones. */
export function refreshTokens(who) {
  const response = noteRateLimit(http.post(`${BASE_URL}/api/auth/refresh`, JSON.stringify({ refresh_token: who.refreshToken }),
    Object.assign({ headers: JSON_HEADERS }, tagged('auth_refresh', 'POST /api/auth/refresh'))));
  if (check(response, { 'refresh 200': (r) => r.status === 200 })) {
    const tokens = response.json();
    who.accessToken = tokens.access_token;
    who.refreshToken = tokens.refresh_token;
    who.expiresAt = Date.now() + Number(tokens.expires_in || 900) * 1000;
  }
  return response;
}

export function me(who) {
  const response = noteRateLimit(http.get(`${BASE_URL}/api/auth/me`,
    Object.assign({ headers: authorized(who) }, tagged('auth_me', 'GET /api/auth/me'))));
  check(response, { 'me 200': (r) => r.status === 200 });
  return response;
}

/** One shopper's visit: a few catalog reads, then a cart of one to three products checked out. */
export function checkoutFunnel(who, catalog, paymentMethod, expected, extra) {
  const options = extra || {};
  listProducts(who, pick(catalog.categories));
  searchProducts(who);
  const lines = 1 + Math.floor(Math.random() * 3);
  for (let i = 0; i < lines; i++) {
    const productId = pick(catalog.productIds);
    viewProduct(who, productId);
    addToCart(who, productId, 1 + Math.floor(Math.random() * 2));
  }
  if (options.soldOutProductId) addToCart(who, options.soldOutProductId, 1);
  const cart = getCart(who);
  // Under load an add may fail (a 504 from the gateway) and still have happened, or a failed checkout may leave
  // lines behind: what the cart holds at checkout decides the outcome to expect.
  let outcome = expected;
  if (cart.status !== 200) {
    outcome = null;
  } else if (catalog.soldOutProductId && cart.json('items').some((item) => item.productId === catalog.soldOutProductId)) {
    outcome = 'OUT_OF_STOCK';
  } else if (expected === 'OUT_OF_STOCK') {
    outcome = 'CONFIRMED';
  }
  const order = placeOrder(who, paymentMethod, null, options.repeatKey);
  if (order === null) {
    clearCart(who); // so the next iteration does not check out this one's lines as well
    return null;
  }
  return followOrder(who, order, outcome);
}

/**
 * The mix of checkouts under load: mostly good cards, a share of declined cards (PAYMENT_DECLINED: the stock is
 * released again) and a share of orders with a sold-out product (OUT_OF_STOCK: nothing is charged).
 */
export function mixedCheckout(who, catalog, data) {
  const dice = Math.random();
  const declinedShare = Number(__ENV.DECLINED_SHARE || 0.1);
  const soldOutShare = data.soldOutProductId ? Number(__ENV.SOLD_OUT_SHARE || 0.05) : 0;
  if (dice < declinedShare) return checkoutFunnel(who, catalog, CARD_DECLINED, 'PAYMENT_DECLINED');
  if (dice < declinedShare + soldOutShare) {
    return checkoutFunnel(who, catalog, CARD_OK, 'OUT_OF_STOCK', { soldOutProductId: data.soldOutProductId });
  }
  return checkoutFunnel(who, catalog, CARD_OK, 'CONFIRMED');
}

/** The thresholds every checkout scenario shares: no order left unfinished or ending otherwise than expected. */
export const ORDER_THRESHOLDS = {
  orders_unfinished: ['count==0'],
  orders_unexpected: ['count==0'],
  // Not a verdict: k6 exports a sub-metric (cancellations per reason) only when a threshold names it.
  'orders_cancelled{reason:PAYMENT_DECLINED}': ['count>=0'],
  'orders_cancelled{reason:OUT_OF_STOCK}': ['count>=0'],
  'orders_cancelled{reason:CUSTOMER_CANCELLED}': ['count>=0'],
  'orders_cancelled{reason:TIMED_OUT}': ['count>=0'],
};

/**
 * Sets a tag on everything this virtual user measures from now on (a capacity step, a spike's phase), so that
 * thresholds and the summary can tell them apart.
 */
export function tagVu(name, value) {
  exec.vu.tags[name] = value;
}

/** Seconds since this scenario started. */
export function elapsedSeconds() {
  return (Date.now() - exec.scenario.startTime) / 1000;
}

/** A threshold per endpoint tag, so that each appears in the summary with its own p50/p95/p99. */
export function perEndpoint(endpoints, p95Millis) {
  const thresholds = {};
  endpoints.forEach((endpoint) => {
    thresholds[`http_req_duration{endpoint:${endpoint}}`] = [`p(95)<${p95Millis[endpoint] || p95Millis.default}`];
  });
  return thresholds;
}
