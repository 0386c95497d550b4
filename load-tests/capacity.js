// capacity — checkouts (good cards only) at an arrival rate that steps up (×1.5 a step) until a step's thresholds
// break: confirmed orders must keep up with the rate (≥ 90 %), place→confirmed p95 must stay under
// CAPACITY_P95_MS (2000), fewer than 1 % of requests may fail. The run stops at the first broken step
// (abortOnFail); `./shopflow load capacity` prints each step and the highest rate that held.
// Each step is a tag value `NN_at_RATE_for_Ss` (step number, target checkouts/s, step length).
// ./shopflow load capacity [--rate 2] [--duration 20s] [--vus 200]   (rate: first step; duration: each step)
import * as shop from './lib/shopflow.js';

const START = shop.intSetting('RATE', 2);
const MAX_VUS = shop.intSetting('VUS', 200);
const STEPS = shop.intSetting('STEPS', 10);
const STEP_S = Math.round(shop.seconds(shop.durationSetting('DURATION', '20s')));
const P95_LIMIT_MS = shop.intSetting('CAPACITY_P95_MS', 2000);
const GRACE_S = 10; // orders placed at the end of a step need a moment to be confirmed

const rates = [];
for (let i = 0, rate = START; i < STEPS; i++, rate = Math.round(rate * 1.5 * 10) / 10) rates.push(rate);
const stepTag = (i) => `${String(i + 1).padStart(2, '0')}_at_${rates[i].toFixed(1)}_for_${STEP_S}s`;

const stages = [];
const thresholds = { rate_limited: ['count==0'] };
rates.forEach((rate, i) => {
  // Rates in tenths of an order per second, so that ×1.5 steps need not be whole numbers.
  stages.push({ target: Math.round(rate * 10), duration: '1s' }, { target: Math.round(rate * 10), duration: `${STEP_S - 1}s` });
  const tag = `{step:${stepTag(i)}}`;
  const judged = `${(i + 1) * STEP_S + GRACE_S}s`; // once the step is over and its last orders had time
  thresholds[`orders_confirmed${tag}`] = [{ threshold: `count>=${Math.floor(rate * STEP_S * 0.9)}`, abortOnFail: true, delayAbortEval: judged }];
  thresholds[`place_to_confirmed${tag}`] = [{ threshold: `p(95)<${P95_LIMIT_MS}`, abortOnFail: true, delayAbortEval: `${i * STEP_S + GRACE_S}s` }];
  thresholds[`http_req_failed${tag}`] = [{ threshold: 'rate<0.01', abortOnFail: true, delayAbortEval: `${i * STEP_S + GRACE_S}s` }];
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
  return Object.assign({ customers: shop.signUpCustomers(MAX_VUS) }, shop.loadCatalog());
}

export default function (data) {
  const step = Math.min(rates.length - 1, Math.floor(shop.elapsedSeconds() / STEP_S));
  shop.tagVu('step', stepTag(step));
  shop.checkoutFunnel(shop.customer(data), data, shop.CARD_OK, 'CONFIRMED');
}
