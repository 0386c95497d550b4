// An order's server-sent events (GET /api/orders/{id}/events), read with fetch() rather than EventSource: an
// EventSource cannot send the Authorization header, and putting the access token in the URL would leave it in logs.

import { authorizedFetch, Problem } from './api.js';

const TERMINAL = new Set(['CONFIRMED', 'CANCELLED']);

/** Splits a text/event-stream into events ({event, id, data}); comments (keep-alives) are skipped. */
export function* parseEvents(buffer) {
  const blocks = buffer.split(/\r\n\r\n|\n\n|\r\r/);
  for (const block of blocks) {
    let event = 'message';
    let id = null;
    const data = [];
    for (const line of block.split(/\r\n|\n|\r/)) {
      if (line === '' || line.startsWith(':')) {
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') {
        event = value;
      } else if (field === 'data') {
        data.push(value);
      } else if (field === 'id') {
        id = value;
      }
    }
    if (data.length > 0) {
      yield { event, id, data: data.join('\n') };
    }
  }
}

function pause(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

/**
 * Follows the order until it is CONFIRMED or CANCELLED: calls onOrder(order) with the order as each event brings it
 * (the first is the order as it is now) and onConnection('open' | 'reconnecting' | 'closed'). The service ends a
 * stream after a terminal state or after its maximum duration; in the second case this connects again, and the
 * first event tells the current state. Too many open streams (429) waits Retry-After and tries again. Stops when
 * the signal aborts (the customer left the page). Resolves with the last order; rejects with a Problem.
 */
export async function followOrder(orderId, { onOrder, onConnection = () => {}, signal }) {
  let last = null;
  while (!signal?.aborted) {
    const response = await authorizedFetch(`/api/orders/${encodeURIComponent(orderId)}/events`, {
      headers: { Accept: 'text/event-stream' }, signal,
    });
    if (response.status === 429) {
      onConnection('reconnecting');
      await pause((Number(response.headers.get('Retry-After')) || 5) * 1000, signal);
      continue;
    }
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Problem({ status: response.status, title: body.title ?? `${response.status}`, ...body });
    }
    onConnection('open');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        buffer += value;
        // Events end with a blank line; keep an unfinished one for the next chunk.
        const end = Math.max(buffer.lastIndexOf('\n\n'), buffer.lastIndexOf('\r\n\r\n'), buffer.lastIndexOf('\r\r'));
        if (end < 0) {
          continue;
        }
        const complete = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^(\r\n|\n|\r)+/, '');
        for (const event of parseEvents(complete)) {
          if (event.event === 'order') {
            last = JSON.parse(event.data);
            onOrder(last);
          }
        }
      }
    } finally {
      reader.releaseLock();
    }
    if (last && TERMINAL.has(last.status)) {
      onConnection('closed');
      return last;
    }
    onConnection('reconnecting');
    await pause(1000, signal);
  }
  throw signal.reason;
}
