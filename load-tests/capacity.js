// capacity — checkouts (good cards only) at an arrival rate that steps up (×1.5 a step) until a step breaks. Each
// step has thresholds of its own: confirmed orders keep up with the rate (≥ 90 %), place→confirmed p95 under
// CAPACITY_P95_MS (2000), fewer than 1 % of requests failed. `./shopflow load capacity` prints each step and the
// highest rate that held (every step up to it held).
// Each step is a tag value `NN_at_RATE_for_Ss` (step number, target checkouts/s, step length).
// The run stops early (exec.test.abort) once an order of step 2 or later takes over three times the p95 limit to be
// confirmed, or fails: the stack is past its capacity and further steps would only pile up a queue. Thresholds do not
// abort it themselves because k6 counts `delayAbortEval` from the start of the test, the setup's sign-ups included,
// so a step could not be given its own time to be judged.
// CHECKOUT=buy-now places each order at once with one product (POST /api/orders with `items`) instead of going
// through the catalog and the cart first: the load is then the saga alone, as bench/capacity.sh drives it (with
// STEPS=1: one constant arrival rate).
// ./shopflow load capacity [--rate 2] [--duration 20s] [--vus 200]   (rate: first step; duration: each step)
import exec from 'k6/execution';
import * as shop from './lib/shopflow.js';

const START = shop.intSetting('RATE', 2);
const MAX_VUS = shop.intSetting('VUS', 200);
const STEPS = shop.intSetting('STEPS', 10);
const STEP_S = Math.round(shop.seconds(shop.durationSetting('DURATION', '20s')));
const P95_LIMIT_MS = shop.intSetting('CAPACITY_P95_MS', 2000);
const CHECKOUT = __ENV.CHECKOUT || 'funnel';
if (!['funnel', 'buy-now'].includes(CHECKOUT)) throw new Error(`CHECKOUT must be funnel or buy-now, not '${CHECKOUT}'`);

const rates = [];
for (let i = 0, rate = START; i < STEPS; i++, rate = Math.round(rate * 1.5 * 10) / 10) rates.push(rate);
const stepTag = (i) => `${String(i + 1).padStart(2, '0')}_at_${rates[i].toFixed(1)}_for_${STEP_S}s`;

const stages = [];
const thresholds = { rate_limited: ['count==0'] };
rates.forEach((rate, i) => {
  // Rates in tenths of an order per second, so that ×1.5 steps need not be whole numbers.
  stages.push({ target: Math.round(rate * 10), duration: '1s' }, { target: Math.round(rate * 10), duration: `${STEP_S - 1}s` });
  const tag = `{step:${stepTag(i)}}`;
  thresholds[`orders_confirmed${tag}`] = [`count>=${Math.floor(rate * STEP_S * 0.9)}`];
  thresholds[`place_to_confirmed${tag}`] = [`p(95)<${P95_LIMIT_MS}`];
  thresholds[`http_req_failed${tag}`] = ['rate<0.01'];
  thresholds[`http_req_duration${tag}`] = ['p(95)<5000'];
  thresholds[`orders_unfinished${tag}`] = ['count==0'];
});

export const options = {
  setupTimeout: '5m',
  scenarios: {
    capacity: {
      executor: 'ramping-arrival-rate', startRate: Math.round(START * 10), timeUnit: '10s',
      preAllocatedVUs: Math.min(MAX_VUS, START * 5), maxVUs: MAX_VUS, gracefulStop: '30s', stages,
    },
  },
  thresholds,
};

export function setup() {
  const data = Object.assign({ customers: shop.signUpCustomers(MAX_VUS) }, shop.loadCatalog());
  // bench/capacity.sh reads this line (k6 --console-output) to measure the stack's CPU from here on, not the sign-ups.
  console.log(`capacity: ${data.customers.length} customers signed up, the load starts`);
  return data;
}

function buyNow(who, data) {
  const order = shop.placeOrder(who, shop.CARD_OK, [{ productId: shop.pick(data.productIds), quantity: 1 }]);
  return order === null ? null : shop.followOrder(who, order, 'CONFIRMED');
}

export default function (data) {
  const step = Math.min(rates.length - 1, Math.floor(shop.elapsedSeconds() / STEP_S));
  shop.tagVu('step', stepTag(step));
  const order = CHECKOUT === 'buy-now' ? buyNow(shop.customer(data), data)
    : shop.checkoutFunnel(shop.customer(data), data, shop.CARD_OK, 'CONFIRMED');
  const overloaded = order === null || order.placeToSeenMillis > 3 * P95_LIMIT_MS;
  if (step > 0 && overloaded) {
    exec.test.abort(`step ${stepTag(step)} is past the stack's capacity: an order ${order === null ? 'failed'
      : `took ${order.placeToSeenMillis} ms to be confirmed`}`);
  }
}
