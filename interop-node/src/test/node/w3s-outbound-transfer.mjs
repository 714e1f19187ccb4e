// The user-controlled-wallet outbound transfer with @circle-fin/user-controlled-wallets, every call as its README and
// typings show (`initiateUserControlledWalletsClient({ apiKey, baseUrl })`; its responses' `data` is Circle's `data`
// member, unwrapped): a new user, its token, user/initialize
// (the first wallet, through a PIN challenge), the wallet, its balances, a transfer challenge, and the backend's view
// of both challenges and of the transaction until COMPLETE. Two things are the sandbox's admin API, not Circle's: the
// PIN entry (the end user's device, with Circle's Web SDK) and funding the new wallet (an inbound deposit);
// waiting is moving the sandbox clock.
// Usage: node w3s-outbound-transfer.mjs <circleBaseUrl> <adminBaseUrl>
import { initiateUserControlledWalletsClient } from '@circle-fin/user-controlled-wallets';
import { randomUUID } from 'node:crypto';
import { admin, args, call, emit, poll } from './lib.mjs';

// The sandbox's seeded entity and its token catalog (sandbox/README.md, "Seed data").
const API_KEY = 'TEST_API_KEY:sandbox:circle-key-1';
const BLOCKCHAIN = 'MATIC-AMOY';
const USDC = '38f2ad29-a77b-5a44-be05-8d03923878a2';
const NATIVE = '5666d523-abe3-4f35-b8e7-6a50211fca1a';
const DESTINATION = '0x6E5eAf34c73D1CD0be4e24f923b97CF38e10d1f3';

const { circleBaseUrl, adminBaseUrl } = args();
const client = initiateUserControlledWalletsClient({ apiKey: API_KEY, baseUrl: circleBaseUrl });

// Circle's health check, at the root of the base URL; the SDK has no method for it.
const ping = await fetch(`${circleBaseUrl}/ping`);
emit({ step: 'ping', status: ping.status, data: await ping.json().catch(() => null) });

const userId = randomUUID();
await call('createUser', client.createUser({ userId }));
const token = await call('createUserToken', client.createUserToken({ userId }));
if (!token) {
  process.exit(0);
}
const { userToken } = token;
await call('getUserStatus', client.getUserStatus({ userToken }));

const completeChallenge = (challengeId) => admin(adminBaseUrl, `circle/w3s/challenges/${challengeId}/complete`);
const challengeUntilComplete = (step, challengeId) => poll(step,
    () => call(`${step}.get`, client.getUserChallenge({ userToken, challengeId })),
    (body) => body.challenge.status, (s) => s !== 'PENDING', { adminBaseUrl, stepSeconds: 1 });

const initialized = await call('createUserPinWithWallets',
    client.createUserPinWithWallets({ userToken, blockchains: [BLOCKCHAIN] }));
if (!initialized) {
  process.exit(0);
}
await call('initializeChallenge.beforePin', client.getUserChallenge({ userToken, challengeId: initialized.challengeId }));
await completeChallenge(initialized.challengeId);
await challengeUntilComplete('initializeChallenge', initialized.challengeId);
await call('getUserStatus.afterPin', client.getUserStatus({ userToken }));
await call('createUserPinWithWallets.again', client.createUserPinWithWallets({ userToken, blockchains: [BLOCKCHAIN] }));
await call('getUser', client.getUser({ userId }));

const wallets = await call('listWallets', client.listWallets({ userToken }));
const wallet = wallets?.wallets[0];
if (!wallet) {
  process.exit(0);
}
await call('getWallet', client.getWallet({ id: wallet.id, userToken }));
await admin(adminBaseUrl, `circle/w3s/wallets/${wallet.id}/balance`, { tokenId: USDC, amount: '25' }, 'PUT');
await admin(adminBaseUrl, `circle/w3s/wallets/${wallet.id}/balance`, { tokenId: NATIVE, amount: '1' }, 'PUT');
await call('getWalletTokenBalance', client.getWalletTokenBalance({ walletId: wallet.id, userToken }));
await call('getToken', client.getToken({ id: USDC }));
await call('validateAddress', client.validateAddress({ address: DESTINATION, blockchain: BLOCKCHAIN }));
await call('estimateTransferFee', client.estimateTransferFee(
    { userToken, amount: ['10'], destinationAddress: DESTINATION, tokenId: USDC, walletId: wallet.id }));

const transfer = await call('createTransaction', client.createTransaction({
  userToken,
  walletId: wallet.id,
  tokenId: USDC,
  destinationAddress: DESTINATION,
  amounts: ['10'],
  fee: { type: 'level', config: { feeLevel: 'MEDIUM' } },
}));
if (!transfer) {
  process.exit(0);
}
await completeChallenge(transfer.challengeId);
await challengeUntilComplete('transferChallenge', transfer.challengeId);
await call('listUserChallenges', client.listUserChallenges({ userToken }));

// The backend finds the transaction the challenge created, then polls it.
const transactions = await call('listTransactions', client.listTransactions({ userToken, walletIds: [wallet.id] }));
const tx = transactions?.transactions.find((t) => t.destinationAddress === DESTINATION);
if (!tx) {
  process.exit(0);
}
await poll('transaction', () => call('getTransaction', client.getTransaction({ id: tx.id, userToken })),
    (body) => body.transaction.state, (s) => ['COMPLETE', 'FAILED', 'DENIED', 'CANCELLED'].includes(s),
    { adminBaseUrl, stepSeconds: 10 });
await call('getWalletTokenBalance.after', client.getWalletTokenBalance({ walletId: wallet.id, userToken }));

// The typings' other way to name the source wallet: its address and blockchain instead of walletId.
await call('createTransaction.byWalletAddress', client.createTransaction({
  userToken,
  walletAddress: wallet.address,
  blockchain: BLOCKCHAIN,
  tokenId: USDC,
  destinationAddress: DESTINATION,
  amounts: ['1'],
  fee: { type: 'level', config: { feeLevel: 'MEDIUM' } },
}));
