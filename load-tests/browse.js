// browse — read-heavy catalog traffic at a steady arrival rate: category lists, search, product pages and their
// conditional GETs (If-None-Match → 304). Half the visitors are signed in (their own rate-limit budget each), half
// anonymous (sharing the address's budget: see load-tests/README.md).
// ./shopflow load browse [--rate 40] [--duration 60s] [--vus 50]   (rate: visits per second, ~5 requests each)
import * as shop from './lib/shopflow.js';

const RATE = shop.intSetting('RATE', 40);
const MAX_VUS = shop.intSetting('VUS', 50);
const ENDPOINTS = ['catalog_categories', 'catalog_list', 'catalog_search', 'catalog_product', 'catalog_product_revalidate'];

export const options = {
  setupTimeout: '3m',
  scenarios: {
    browse: {
      executor: 'constant-arrival-rate', rate: RATE, timeUnit: '1s', duration: shop.durationSetting('DURATION', '60s'),
      preAllocatedVUs: Math.min(MAX_VUS, Math.max(5, RATE)), maxVUs: MAX_VUS,
    },
  },
  thresholds: Object.assign({
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
    rate_limited: ['count==0'],
    dropped_iterations: [`count<${Math.max(1, RATE)}`], // the stack kept up with the arrival rate
  }, shop.perEndpoint(ENDPOINTS, { default: 500 })),
};

export function setup() {
  return Object.assign({ customers: shop.signUpCustomers(Math.min(MAX_VUS, 100)) }, shop.loadCatalog());
}

export default function (data) {
  const who = Math.random() < 0.5 ? shop.customer(data) : null;
  if (Math.random() < 0.3) shop.listCategories(who);
  shop.listProducts(who, shop.pick(data.categories));
  if (Math.random() < 0.5) shop.searchProducts(who);
  shop.viewProduct(who, shop.pick(data.productIds));
  shop.listProducts(who, null);
}
