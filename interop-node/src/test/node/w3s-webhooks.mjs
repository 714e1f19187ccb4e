// Webhooks with @circle-fin/user-controlled-wallets: a small local receiver is registered with createSubscription,
// a transfer from the seeded user's wallet runs to COMPLETE, and every notification that arrives is verified as
// Circle documents it: the public key for the X-Circle-Key-Id header (getNotificationSignature, base64 DER), an
// ECDSA SHA-256 signature (base64, X-Circle-Signature) over the raw body. The same signature over an altered body must
// not verify, so the check can fail. Then the subscription is read, disabled and deleted through the SDK.
// Usage: node w3s-webhooks.mjs <circleBaseUrl> <adminBaseUrl>
import { initiateUserControlledWalletsClient } from '@circle-fin/user-controlled-wallets';
import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';
import { admin, args, call, emit, poll } from './lib.mjs';

// The sandbox's seeded entity, user and wallet (sandbox/README.md, "Seed data").
const API_KEY = 'TEST_API_KEY:sandbox:circle-key-1';
const USER_ID = '2f1dcb5e-312a-4b15-8240-abeffc0e3463';
const WALLET_ID = '01899cf2-d415-7052-a207-f9862157e546';
const USDC = '38f2ad29-a77b-5a44-be05-8d03923878a2';
const DESTINATION = '0x6E5eAf34c73D1CD0be4e24f923b97CF38e10d1f3';

const { circleBaseUrl, adminBaseUrl } = args();
const client = initiateUserControlledWalletsClient({ apiKey: API_KEY, baseUrl: circleBaseUrl });

const received = [];
const receiver = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    received.push({ method: req.method, headers: req.headers, body: Buffer.concat(chunks) });
    res.writeHead(200).end();
  });
});
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const endpoint = `http://127.0.0.1:${receiver.address().port}/webhooks/circle`;

try {
  const subscription = await call('createSubscription', client.createSubscription({ endpoint }));
  await call('listSubscriptions', client.listSubscriptions());
  if (subscription) {
    await transferToCompletion();
  }
  await verifyAll();
  if (subscription) {
    // The rest of the subscription's life through the SDK: read it, rename and disable it, delete it, and see it gone.
    await call('getSubscription', client.getSubscription(subscription.id));
    await call('updateSubscription',
        client.updateSubscription({ id: subscription.id, name: 'Transactions Webhook', enabled: false }));
    await call('deleteSubscription', client.deleteSubscription(subscription.id));
    await call('getSubscription.deleted', client.getSubscription(subscription.id));
  }
} finally {
  receiver.close();
}

async function transferToCompletion() {
  const token = await call('createUserToken', client.createUserToken({ userId: USER_ID }));
  const { userToken } = token;
  const transfer = await call('createTransaction', client.createTransaction({
    userToken,
    walletId: WALLET_ID,
    tokenId: USDC,
    destinationAddress: DESTINATION,
    amounts: ['.01'],
    fee: { type: 'level', config: { feeLevel: 'MEDIUM' } },
  }));
  await admin(adminBaseUrl, `circle/w3s/challenges/${transfer.challengeId}/complete`);
  const transactions = await call('listTransactions', client.listTransactions({ userToken, walletIds: [WALLET_ID] }));
  const tx = transactions.transactions.find((t) => t.destinationAddress === DESTINATION);
  await poll('transaction', () => call('getTransaction', client.getTransaction({ id: tx.id, userToken })),
      (body) => body.transaction.state, (s) => ['COMPLETE', 'FAILED', 'DENIED', 'CANCELLED'].includes(s),
      { adminBaseUrl, stepSeconds: 10 });
}

async function verifyAll() {
  const keys = new Map();
  for (const { method, headers, body } of received) {
    const keyId = headers['x-circle-key-id'];
    const signature = headers['x-circle-signature'];
    let signatureValid = false;
    let alteredBodyValid = false;
    if (keyId && signature) {
      if (!keys.has(keyId)) {
        const published = await call('getNotificationSignature', client.getNotificationSignature(keyId));
        keys.set(keyId, published && createPublicKey(
            { key: Buffer.from(published.publicKey, 'base64'), format: 'der', type: 'spki' }));
      }
      const key = keys.get(keyId);
      if (key) {
        const sig = Buffer.from(signature, 'base64');
        signatureValid = verify('sha256', body, key, sig);
        alteredBodyValid = verify('sha256', Buffer.concat([body, Buffer.from(' ')]), key, sig);
      }
    }
    const notification = body.length ? JSON.parse(body.toString('utf8')) : {};
    emit({
      step: 'notification',
      method,
      notificationType: notification.notificationType,
      state: notification.notification?.state,
      keyId,
      signatureValid,
      alteredBodyValid,
    });
  }
  emit({ step: 'notifications', count: received.length });
}
