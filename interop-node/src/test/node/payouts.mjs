// Payouts with @circle-fin/circle-sdk, as its README shows (`new Circle(apiKey, baseUrl)`, then `circle.payouts.*`):
// create, replay with the same idempotency key, get, list, and the errors a backend has to handle.
// Usage: node payouts.mjs <circleBaseUrl> <adminBaseUrl>
import { Circle } from '@circle-fin/circle-sdk';
import { randomUUID } from 'node:crypto';
import { args, call } from './lib.mjs';

// The sandbox's seeded entity, payout wallet and address-book recipient (sandbox/README.md, "Seed data").
const API_KEY = 'TEST_API_KEY:sandbox:circle-key-1';
const SOURCE_WALLET = '53535335';
const RECIPIENT = 'b8627ae8-732b-4d25-b947-1df8f4007a29';

const { circleBaseUrl } = args();
const circle = new Circle(API_KEY, circleBaseUrl);

const request = {
  idempotencyKey: randomUUID(),
  source: { type: 'wallet', id: SOURCE_WALLET },
  destination: { type: 'address_book', id: RECIPIENT },
  amount: { amount: '3.14', currency: 'USD' },
};
const created = await call('createPayout', circle.payouts.createPayout(request));
await call('createPayout.replay', circle.payouts.createPayout(request));
await call('createPayout.sameKeyOtherBody',
    circle.payouts.createPayout({ ...request, amount: { amount: '2.72', currency: 'USD' } }));
if (created) {
  await call('getPayout', circle.payouts.getPayout(created.data.id));
}
await call('listPayouts', circle.payouts.listPayouts(SOURCE_WALLET));
await call('getPayout.unknown', circle.payouts.getPayout(randomUUID()));
await call('createPayout.unsupportedCurrency',
    circle.payouts.createPayout({ ...request, idempotencyKey: randomUUID(), amount: { amount: '1.00', currency: 'BTC' } }));
await call('createPayout.currencyPair',
    circle.payouts.createPayout({ ...request, idempotencyKey: randomUUID(), toAmount: { currency: 'EUR' } }));
await call('createPayout.unknownRecipient', circle.payouts.createPayout(
    { ...request, idempotencyKey: randomUUID(), destination: { type: 'address_book', id: randomUUID() } }));
await call('listPayouts.wrongApiKey', new Circle('TEST_API_KEY:sandbox:no-such-key', circleBaseUrl).payouts.listPayouts());
