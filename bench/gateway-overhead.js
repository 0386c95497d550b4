// One route, as many requests as VUS virtual users send back to back for DURATION, against TARGET (the gateway or
// the plain reverse proxy bench/gateway-overhead.sh starts beside it). Every answer must be 200: a 429 means the
// gateway's rate limit and not its overhead was measured (the summary counts them in http_req_failed).
// k6 run -e TARGET=http://127.0.0.1:8080 -e ROUTE=/.well-known/jwks.json -e VUS=16 -e DURATION=15s bench/gateway-overhead.js
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  scenarios: {
    route: { executor: 'constant-vus', vus: Number(__ENV.VUS || 16), duration: __ENV.DURATION || '15s' },
  },
};

const url = `${__ENV.TARGET}${__ENV.ROUTE}`;

export default function () {
  check(http.get(url), { '200': (r) => r.status === 200 });
}
