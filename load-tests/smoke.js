// smoke — a few virtual users for about 20 s, every endpoint once per iteration, no error tolerated. Its latency
// limits are loose on purpose (it runs in CI, on busy machines): it proves that everything works under a little
// concurrency; how fast is the other scenarios' business.
// Orders are followed through their server-sent events (polling GET /api/orders/{id} if the stream fails).
// ./shopflow load smoke [--vus 3] [--duration 20s]
import * as shop from './lib/shopflow.js';

const VUS = shop.intSetting('VUS', 3);
const ENDPOINTS = ['auth_me', 'auth_refresh', 'catalog_categories', 'catalog_list', 'catalog_search', 'catalog_product',
  'catalog_product_revalidate', 'cart_clear', 'cart_add', 'cart_update', 'cart_remove', 'cart_get', 'order_place',
  'order_events', 'order_timeline', 'order_list', 'order_cancel', 'payments_get'];

export const options = {
  setupTimeout: '2m',
  scenarios: {
    smoke: { executor: 'constant-vus', vus: VUS, duration: shop.durationSetting('DURATION', '20s'), gracefulStop: '60s' },
  },
  thresholds: Object.assign({
    http_req_failed: ['rate==0'],
    checks: ['rate==1'],
    rate_limited: ['count==0'],
    orders_confirmed: ['count>0'],
    place_to_confirmed: ['p(95)<20000'],
  }, shop.ORDER_THRESHOLDS, shop.perEndpoint(ENDPOINTS, { default: 5000, order_events: 20000 })),
};

export function setup() {
  const catalog = shop.loadCatalog();
  return Object.assign(catalog, { customers: shop.signUpCustomers(VUS), soldOutProductId: shop.soldOutProduct(catalog) });
}

export default function (data) {
  const who = shop.customer(data);
  shop.me(who);
  shop.refreshTokens(who);
  shop.listCategories(who);
  shop.listProducts(null, shop.pick(data.categories)); // anonymous, as a visitor who has not signed in
  shop.searchProducts(who);
  const [first, second] = [shop.pick(data.productIds), shop.pick(data.productIds)];
  shop.viewProduct(who, first);

  shop.clearCart(who);
  shop.addToCart(who, first, 1);
  shop.addToCart(who, second, 1);
  shop.changeCartItem(who, first, 2);
  if (first !== second) shop.removeCartItem(who, second);
  shop.getCart(who);
  const order = shop.placeOrder(who, shop.CARD_OK, null, true);
  if (order !== null) {
    shop.followOrder(who, order, 'CONFIRMED');
    shop.orderTimeline(who, order.id);
    shop.paymentsOf(who, order.id);
  }
  shop.listOrders(who);

  // The compensation paths: a declined card, a sold-out product (buy now, without the cart), a customer's cancel.
  const declined = shop.placeOrder(who, shop.CARD_DECLINED, [{ productId: first, quantity: 1 }]);
  if (declined !== null) shop.followOrder(who, declined, 'PAYMENT_DECLINED');
  if (data.soldOutProductId) {
    const soldOut = shop.placeOrder(who, shop.CARD_OK, [{ productId: data.soldOutProductId, quantity: 1 }]);
    if (soldOut !== null) shop.followOrder(who, soldOut, 'OUT_OF_STOCK');
  }
  const cancelled = shop.placeOrder(who, shop.CARD_OK, [{ productId: second, quantity: 1 }]);
  if (cancelled !== null) {
    shop.cancelOrder(who, cancelled.id);
    shop.followOrder(who, cancelled, null); // CUSTOMER_CANCELLED, or CONFIRMED if the saga was quicker
  }
}
