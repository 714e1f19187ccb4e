// What the walkthrough scripts share: reading their arguments, writing what happened as JSON lines on stdout (the
// JUnit side asserts on them), and the few sandbox-only admin calls that stand in for the end user's device and for
// time passing. Nothing here touches a Circle call: those are made with the SDKs exactly as their READMEs and typings
// show.
import * as wallets from '@circle-fin/user-controlled-wallets';

/** `node <script> <circleBaseUrl> <adminBaseUrl>`: the Circle base URL exactly as the sandbox prints it. */
export function args() {
  const [circleBaseUrl, adminBaseUrl] = process.argv.slice(2);
  if (!circleBaseUrl || !adminBaseUrl) {
    console.error('usage: node <script>.mjs <circleBaseUrl> <adminBaseUrl>');
    process.exit(2);
  }
  return { circleBaseUrl, adminBaseUrl };
}

/** One JSON line on stdout. */
export function emit(record) {
  process.stdout.write(JSON.stringify(record) + '\n');
}

/**
 * Awaits one SDK call and emits `{step, status, data}` or, when it throws, `{step, error: {type, status, code,
 * message}}`; returns the response body (the SDKs' `response.data`), or undefined after an error.
 */
export async function call(step, promise) {
  try {
    const response = await promise;
    emit({ step, status: response.status, data: response.data });
    return response.data;
  } catch (e) {
    emit({ step, error: describe(e) });
    return undefined;
  }
}

// The wallets SDK throws its own typed errors (BadRequestError, NotFoundError, Error155106, ...: status and Circle
// code as fields); circle-sdk lets axios's error through (status and Circle's body under `response`).
const WALLETS_ERRORS = Object.entries(wallets).filter(([, c]) => typeof c === 'function' && c.prototype instanceof Error);

/** The name the wallets SDK exports for the most specific of its error classes `e` is an instance of. */
function typeOf(e) {
  const matching = WALLETS_ERRORS.filter(([, c]) => e instanceof c);
  const specific = matching.find(([, c]) => matching.every(([, d]) => d === c || !(d.prototype instanceof c)));
  return specific ? specific[0] : e.name;
}

function describe(e) {
  const body = e.response?.data;
  return {
    type: typeOf(e),
    status: e.status ?? e.response?.status ?? null,
    code: typeof e.code === 'number' ? e.code : body?.code ?? null,
    message: body?.message ?? e.message ?? String(e),
  };
}

/** A sandbox admin call (not a Circle API) with a JSON body, POST unless told; answers the parsed JSON. */
export async function admin(adminBaseUrl, path, body = {}, method = 'POST') {
  const response = await fetch(new URL(path, adminBaseUrl), {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`admin ${path}: ${response.status} ${text}`);
  }
  return text ? JSON.parse(text) : null;
}

/** Moves the sandbox clock, which runs every lifecycle step due by then (the stand-in for waiting). */
export function advanceClock(adminBaseUrl, seconds) {
  return admin(adminBaseUrl, 'clock/advance', { seconds });
}

/**
 * Polls like a backend: calls `read` until `done(result)` or `attempts` reads; between reads the sandbox clock moves
 * `stepSeconds` instead of the script sleeping. Emits and answers the states seen, in order.
 */
export async function poll(step, read, state, done, { attempts = 10, stepSeconds = 10, adminBaseUrl }) {
  const seen = [];
  for (let i = 0; i < attempts; i++) {
    const body = await read();
    const s = body === undefined ? undefined : state(body);
    if (s !== undefined && seen[seen.length - 1] !== s) {
      seen.push(s);
    }
    if (body === undefined || done(s)) {
      break;
    }
    await advanceClock(adminBaseUrl, stepSeconds);
  }
  emit({ step, states: seen });
  return seen;
}
