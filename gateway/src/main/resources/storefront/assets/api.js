// The API through the gateway, on this page's own origin, and the customer's session.
//
// Tokens live in this module's memory only: never in localStorage, sessionStorage or a cookie, so nothing outlives
// the tab and no other page or script on the origin can read them from storage. The access token is renewed with
// the refresh token a minute before it expires, and once more when an answer says 401 (a clock that drifted, a
// laptop that slept). Reloading the page signs the customer out: that is the price of keeping nothing stored.

/** An RFC 9457 problem the API answered (or one made up for a network failure), shown as its title and detail. */
export class Problem extends Error {
  constructor({ status = 0, type = 'about:blank', title, detail, errors = [], ...rest }) {
    super(detail ?? title);
    this.status = status;
    this.type = type;
    this.title = title ?? 'Something went wrong';
    this.detail = detail ?? '';
    this.errors = Array.isArray(errors) ? errors : [];
    this.extra = rest;
  }

  /** The last segment of the problem's type, such as "prices-changed". */
  get kind() {
    return this.type.split('/').pop();
  }
}

const session = {
  accessToken: null,
  refreshToken: null,
  user: null,
  timer: null,
};
const listeners = new Set();
let refreshing = null;

/** Calls the listener with the signed-in user (or null) now and whenever that changes. */
export function onSessionChange(listener) {
  listeners.add(listener);
  listener(session.user);
}

function changed() {
  for (const listener of listeners) {
    listener(session.user);
  }
}

export function currentUser() {
  return session.user;
}

export function isAdmin() {
  return session.user?.roles?.includes('ADMIN') ?? false;
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') ?? '';
  let body = {};
  if (type.includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = {};
    }
  }
  const problem = new Problem({
    status: response.status,
    title: body.title ?? `${response.status} ${response.statusText}`.trim(),
    ...body,
  });
  problem.retryAfter = Number(response.headers.get('Retry-After')) || null;
  return problem;
}

function unreachable(error) {
  if (error.name === 'AbortError') {
    throw error;
  }
  throw new Problem({
    title: 'The shop cannot be reached',
    detail: `The request did not get an answer (${error.message}). Check that the stack is running and try again.`,
  });
}

/**
 * fetch() with the access token, renewed once and tried again on a 401. Answers the response, whatever its status;
 * a request that got no answer at all throws a Problem.
 */
export async function authorizedFetch(path, init = {}) {
  const attempt = () => {
    const headers = new Headers(init.headers);
    if (session.accessToken) {
      headers.set('Authorization', `Bearer ${session.accessToken}`);
    }
    return fetch(path, { ...init, headers }).catch(unreachable);
  };
  const sentWith = session.accessToken;
  let response = await attempt();
  if (response.status === 401 && sentWith && session.refreshToken) {
    await refresh();
    response = await attempt();
  }
  return response;
}

/**
 * Calls the API with JSON: answers the parsed body (null for an empty one), throws a Problem for any error status.
 * Options: method, body (sent as JSON), headers, signal, and auth: false for calls that must not carry a token.
 */
export async function api(path, { method = 'GET', body, headers = {}, signal, auth = true } = {}) {
  const init = { method, signal, headers: { Accept: 'application/json, application/problem+json', ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = auth ? await authorizedFetch(path, init) : await fetch(path, init).catch(unreachable);
  if (!response.ok) {
    throw await problemOf(response);
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

function keep(tokens) {
  session.accessToken = tokens.access_token;
  session.refreshToken = tokens.refresh_token;
  clearTimeout(session.timer);
  // A minute before the access token expires (at least 5 s from now), swap the refresh token for new ones.
  const renewIn = Math.max(5, (tokens.expires_in ?? 900) - 60) * 1000;
  session.timer = setTimeout(() => refresh().catch(() => {}), renewIn);
}

function forget() {
  clearTimeout(session.timer);
  session.accessToken = null;
  session.refreshToken = null;
  session.user = null;
  changed();
}

/**
 * New tokens for the refresh token (which is then used up: auth-service rotates it). Concurrent callers share one
 * request, since presenting a used refresh token again would revoke the whole family. When the refresh token is
 * refused, the customer is signed out and the Problem is thrown.
 */
export function refresh() {
  if (!refreshing) {
    const refreshToken = session.refreshToken;
    refreshing = api('/api/auth/refresh', { method: 'POST', body: { refresh_token: refreshToken }, auth: false })
      .then(keep)
      .catch((problem) => {
        if (problem instanceof Problem && problem.status === 401) {
          forget();
          throw new Problem({ status: 401, title: 'Your session ended', detail: 'Sign in again to go on.' });
        }
        throw problem;
      })
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

/** Signs in: keeps the tokens and reads the account (for its name and roles). */
export async function signIn(email, password) {
  keep(await api('/api/auth/token', { method: 'POST', body: { email, password }, auth: false }));
  session.user = await api('/api/auth/me');
  changed();
  return session.user;
}

/** Creates the account, then signs in with it. */
export async function signUp(name, email, password) {
  await api('/api/auth/register', { method: 'POST', body: { name, email, password }, auth: false });
  return signIn(email, password);
}

/** Signs out: auth-service revokes the refresh token's family; the tokens are forgotten here either way. */
export async function signOut() {
  const refreshToken = session.refreshToken;
  forget();
  if (refreshToken) {
    await api('/api/auth/logout', { method: 'POST', body: { refresh_token: refreshToken }, auth: false })
      .catch(() => {});
  }
}
