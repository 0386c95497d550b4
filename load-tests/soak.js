// soak — a bounded long run at a moderate rate (default 10 minutes): checkouts plus catalog browsing. Memory and
// latency must not drift: measurements are tagged with the run's phase (early = first quarter, late = last
// quarter) and `./shopflow load` compares them, with the stack's resident memory sampled during the run.
// Orders are followed through their server-sent events. Access tokens are renewed as they near expiry.
// ./shopflow load soak [--rate 2] [--duration 10m] [--vus 40]   (rate: checkouts/s; browsing runs at 5× that)
import * as shop from './lib/shopflow.js';

const RATE = shop.intSetting('RATE', 2);
const MAX_VUS = shop.intSetting('VUS', 40);
const DURATION = shop.durationSetting('DURATION', '10m');
const DURATION_S = shop.seconds(DURATION);

export const options = {
  setupTimeout: '3m',
  scenarios: {
    checkout: {
      executor: 'constant-arrival-rate', rate: RATE, timeUnit: '1s', duration: DURATION,
      preAllocatedVUs: Math.min(MAX_VUS, RATE * 4), maxVUs: MAX_VUS, gracefulStop: '60s', exec: 'checkout',
    },
    browse: {
      executor: 'constant-arrival-rate', rate: RATE * 5, timeUnit: '1s', duration: DURATION,
      preAllocatedVUs: Math.min(MAX_VUS, RATE * 5), maxVUs: MAX_VUS, exec: 'browse',
    },
  },
  thresholds: {
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
    rate_limited: ['count==0'],
    ...shop.ORDER_THRESHOLDS,
    dropped_iterations: [`count<${Math.max(1, RATE * 6)}`],
    'place_to_confirmed{phase:early}': ['p(95)<3000'],
    'place_to_confirmed{phase:late}': ['p(95)<3000'],
    'http_req_duration{phase:early}': ['p(95)<1000'],
    'http_req_duration{phase:late}': ['p(95)<1000'],
  },
};

export function setup() {
  // Checkout and browsing virtual users are numbered together: one customer each.
  const catalog = shop.loadCatalog();
  return Object.assign(catalog, { customers: shop.signUpCustomers(MAX_VUS * 2), soldOutProductId: shop.soldOutProduct(catalog) });
}

function tagPhase() {
  const at = shop.elapsedSeconds();
  shop.tagVu('phase', at < DURATION_S / 4 ? 'early' : at >= DURATION_S * 3 / 4 ? 'late' : 'middle');
}

export function checkout(data) {
  tagPhase();
  shop.mixedCheckout(shop.customer(data), data, data);
}

export function browse(data) {
  tagPhase();
  const who = shop.customer(data);
  shop.listProducts(who, shop.pick(data.categories));
  if (Math.random() < 0.5) shop.searchProducts(who);
  shop.viewProduct(who, shop.pick(data.productIds));
}
