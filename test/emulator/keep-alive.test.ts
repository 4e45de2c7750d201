import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { TEST_KEY } from './support.js';

/**
 * The official SDK's default agent keeps idle keep-alive sockets with no timeout of its own. A
 * server that closes idle connections races every client request sent as the close goes out: the
 * request meets a reset, and the SDK retries it once on a new connection (a long conformance
 * script saw this at whichever request followed a pause of about 6 s, Node's default 5 s + 1 s).
 */
describe('keep-alive connections to the emulator over loopback', () => {
  let emulator: Emulator;
  let port: number;
  beforeAll(async () => {
    emulator = createEmulator({ seed: 'none' });
    ({ port } = await emulator.listen(0, '127.0.0.1'));
  });
  afterAll(() => emulator.close());

  it('stay open while idle, so a client reusing one after a pause is answered on it', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const sockets: Socket[] = [];
    agent.on('free', (socket: Socket) => sockets.includes(socket) || sockets.push(socket));
    const call = (method: string, path: string) =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method, path, agent, headers: { authorization: `Bearer ${TEST_KEY}`, 'content-length': '0' } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      const payout = await emulator.automaticPayout({ amount: 100 });
      expect(await call('POST', `/v1/payouts/${payout.id}/cancel`)).toEqual({ status: 400, reused: false });
      await new Promise((r) => setTimeout(r, 6_500));
      expect(await call('POST', `/v1/payouts/${payout.id}/cancel`)).toEqual({ status: 400, reused: true });
      expect(sockets).toHaveLength(1);
    } finally {
      agent.destroy();
    }
  }, 15_000);
});
