// The page's HTTP client: JSON in and out, ProblemDetails turned into ApiError, and the
// antiforgery token (GET /api/antiforgery) sent as X-CSRF-TOKEN on every state-changing request.

export const API = '/api';

let csrfToken = null;
let csrfPromise = null;

/** An HTTP failure with the server's problem details (`code`, `error`, ...). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.error || problem.detail || problem.title || `The server answered ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.code = problem.code || `http_${status}`;
  }
}

/** Forgets the antiforgery token and fetches a new one (after sign in or out: the token is bound to the user). */
export function refreshCsrfToken() {
  csrfToken = null;
  csrfPromise = null;
  return getCsrfToken();
}

/** Returns the antiforgery token, fetching it once. */
export async function getCsrfToken() {
  if (csrfToken) {
    return csrfToken;
  }
  csrfPromise ??= (async () => {
    try {
      const response = await fetch(`${API}/antiforgery`, { credentials: 'same-origin', headers: { Accept: 'application/json' }, cache: 'no-store' });
      const data = response.ok ? await response.json() : null;
      csrfToken = data && typeof data.token === 'string' ? data.token : null;
    } catch {
      csrfToken = null;
    } finally {
      csrfPromise = null;
    }
    return csrfToken;
  })();
  return csrfPromise;
}

/** Reads a failed response's problem details (or just its status). */
export async function readProblem(response) {
  const problem = { status: response.status, retry_after_header: response.headers.get('Retry-After') };
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      const body = await response.json();
      if (body && typeof body === 'object') {
        Object.assign(problem, body, { status: response.status });
      }
    } catch {
      // Keep the status only.
    }
  }
  if (!problem.error && problem.errors && typeof problem.errors === 'object') {
    // ASP.NET Core validation problems (Identity's register): {errors: {Code: ["message"]}}.
    // Identity reports a taken email twice (as user name and as email): keep the email one.
    const errors = { ...problem.errors };
    if (errors.DuplicateEmail) {
      delete errors.DuplicateUserName;
    }
    if (errors.InvalidEmail) {
      delete errors.InvalidUserName;
    }
    problem.error = Object.values(errors).flat().join(' ');
  }
  return problem;
}

/**
 * Sends a request. Bodies are JSON; state-changing methods carry the antiforgery token.
 * @returns {Promise<Response>} The response (throws ApiError when not 2xx).
 */
export async function request(method, path, body = undefined, { signal, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const token = await getCsrfToken();
    if (token) {
      headers['X-CSRF-TOKEN'] = token;
    }
  }
  const response = await fetch(path.startsWith('/') ? path : `${API}/${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
    signal,
  });
  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response));
  }
  return response;
}

async function json(response) {
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  return text === '' ? null : JSON.parse(text);
}

/** GET, parsed JSON. */
export async function getJson(path, options) {
  return json(await request('GET', path, undefined, options));
}

/** A state-changing request with a JSON body, parsed JSON answer (null when empty). */
export async function sendJson(method, path, body, options) {
  return json(await request(method, path, body, options));
}

/** A short, safe description of any error for the page. */
export function describeError(error) {
  if (error instanceof ApiError) {
    return error.message;
  }
  if (error && error.name === 'AbortError') {
    return 'Cancelled.';
  }
  return error && error.message ? error.message : String(error);
}
