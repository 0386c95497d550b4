// checkout — the whole funnel at a steady arrival rate: browse → cart → checkout (Idempotency-Key) → the order
// followed to its final state through its server-sent events (polling GET /api/orders/{id} if the stream fails).
// 10 % pay with a declined card (PAYMENT_DECLINED) and 5 % put a sold-out product in the cart (OUT_OF_STOCK), so
// the compensation paths run under load too (DECLINED_SHARE, SOLD_OUT_SHARE change the shares).
// ./shopflow load checkout [--rate 3] [--duration 60s] [--vus 60]   (rate: checkouts started per second)
import * as shop from './lib/shopflow.js';

const RATE = shop.intSetting('RATE', 3);
const MAX_VUS = shop.intSetting('VUS', 60);
const ENDPOINTS = ['catalog_list', 'catalog_search', 'catalog_product', 'catalog_product_revalidate', 'cart_add',
  'cart_get', 'order_place', 'order_events'];

export const options = {
  setupTimeout: '3m',
  scenarios: {
    checkout: {
      executor: 'constant-arrival-rate', rate: RATE, timeUnit: '1s', duration: shop.durationSetting('DURATION', '60s'),
      preAllocatedVUs: Math.min(MAX_VUS, RATE * 4), maxVUs: MAX_VUS, gracefulStop: '60s',
    },
  },
  thresholds: Object.assign({
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
    rate_limited: ['count==0'],
    orders_confirmed: ['count>0'],
    place_to_confirmed: ['p(95)<3000', 'p(99)<6000'],
    dropped_iterations: [`count<${Math.max(1, RATE)}`],
  }, shop.ORDER_THRESHOLDS, shop.perEndpoint(ENDPOINTS, { default: 1000, order_events: 6000 })),
};

export function setup() {
  const catalog = shop.loadCatalog();
  return Object.assign(catalog, { customers: shop.signUpCustomers(MAX_VUS), soldOutProductId: shop.soldOutProduct(catalog) });
}

export default function (data) {
  shop.mixedCheckout(shop.customer(data), data, data);
}
