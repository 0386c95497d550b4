// Building the page without HTML strings: the Content-Security-Policy requires Trusted Types and allows no policy, so
// innerHTML and friends would throw. Every text goes in through textContent, so nothing from the API is ever markup.

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'selected', 'hidden']);

/**
 * An element: h('a', {href: '#/', class: 'brand'}, 'Shopflow'). Props named on… add listeners, `dataset` sets data-
 * attributes, value/checked/disabled/selected/hidden are set as properties; null, undefined and false are left out.
 * Children are nodes, strings or numbers (as text), arrays of them, or null (skipped).
 */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'class') {
      element.className = value;
    } else if (PROPERTIES.has(name)) {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else if (child instanceof Node) {
      element.append(child);
    } else {
      element.append(document.createTextNode(String(child)));
    }
  }
}

/** Replaces what the element holds. */
export function show(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const currencyFormats = new Map();

function currencyFormat(currency) {
  if (!currencyFormats.has(currency)) {
    currencyFormats.set(currency, new Intl.NumberFormat(undefined, { style: 'currency', currency }));
  }
  return currencyFormats.get(currency);
}

/** Money as the API gives it ({amount in minor units, currency}), in the reader's locale: 1999 EUR → "€19.99". */
export function money(value) {
  if (!value) {
    return '';
  }
  try {
    const format = currencyFormat(value.currency);
    const digits = format.resolvedOptions().maximumFractionDigits;
    return format.format(value.amount / 10 ** digits);
  } catch {
    return `${value.amount} ${value.currency} (minor units)`;
  }
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hour12: false,
});

/** A <time> element showing an instant as a date and time. */
export function when(instant) {
  return h('time', { datetime: instant }, instant ? dateTime.format(new Date(instant)) : '');
}

/** A <time> element showing an instant's time of day to the millisecond, as a saga timeline needs. */
export function clockTime(instant) {
  return h('time', { datetime: instant }, clock.format(new Date(instant)));
}

/** "PAYMENT_DECLINED" → "Payment declined". */
export function words(constant) {
  if (!constant) {
    return '';
  }
  const lower = constant.toLowerCase().replaceAll('_', ' ');
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
