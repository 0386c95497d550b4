// spike — checkouts at a base rate, then a sudden 10× burst, then the base rate again: does the stack absorb the
// burst, and does latency come back once it is over? Orders are followed through their server-sent events.
// Every measurement is tagged with its phase (before, spike, after) and each phase has its own thresholds.
// The default base rate (1/s, so 10/s in the burst) is above what a busy 2-core laptop confirms (see the
// baselines): the burst builds a queue, and the after phase shows how fast it drains.
// ./shopflow load spike [--rate 1] [--duration 20s] [--vus 150]   (rate: base checkouts/s; duration: each phase)
import * as shop from './lib/shopflow.js';

const RATE = shop.intSetting('RATE', 1);
const MAX_VUS = shop.intSetting('VUS', 150);
const PHASE = shop.durationSetting('DURATION', '20s');
const PHASE_S = shop.seconds(PHASE);
const SPIKE_RATE = RATE * 10;

export const options = {
  setupTimeout: '5m',
  scenarios: {
    spike: {
      executor: 'ramping-arrival-rate', startRate: RATE, timeUnit: '1s', preAllocatedVUs: Math.min(MAX_VUS, SPIKE_RATE * 2),
      maxVUs: MAX_VUS, gracefulStop: '90s',
      stages: [
        { target: RATE, duration: PHASE },              // before
        { target: SPIKE_RATE, duration: '1s' },          // the burst arrives at once
        { target: SPIKE_RATE, duration: PHASE },         // and lasts a phase
        { target: RATE, duration: '1s' },
        { target: RATE, duration: `${PHASE_S * 2}s` },   // after: recovery, twice as long
      ],
    },
  },
  thresholds: {
    http_req_failed: ['rate<0.02'],
    rate_limited: ['count==0'],
    ...shop.ORDER_THRESHOLDS,
    'place_to_confirmed{phase:before}': ['p(95)<3000'],
    'place_to_confirmed{phase:spike}': ['p(95)<15000'],
    'place_to_confirmed{phase:after}': ['p(95)<3000'],         // recovered: back to what it was before
    'http_req_duration{phase:before}': ['p(95)<1000'],
    'http_req_duration{phase:spike}': ['p(95)<5000'],
    'http_req_duration{phase:after}': ['p(95)<1000'],
    'orders_confirmed{phase:before}': ['count>0'],
    'orders_confirmed{phase:spike}': ['count>0'],
    'orders_confirmed{phase:after}': ['count>0'],
  },
};

export function setup() {
  const catalog = shop.loadCatalog();
  return Object.assign(catalog, { customers: shop.signUpCustomers(MAX_VUS), soldOutProductId: shop.soldOutProduct(catalog) });
}

export default function (data) {
  const at = shop.elapsedSeconds();
  // The stage boundaries above: before, 1 s ramp + spike, 1 s ramp + after.
  shop.tagVu('phase', at < PHASE_S ? 'before' : at < PHASE_S * 2 + 2 ? 'spike' : 'after');
  shop.mixedCheckout(shop.customer(data), data, data);
}
