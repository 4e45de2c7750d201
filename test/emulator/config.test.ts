import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadEmulatorConfig } from '../../src/emulator/config.js';

describe('standalone emulator configuration (npm run emulator)', () => {
  it('defaults to demo data on 127.0.0.1:12111 with a real-time clock and no demo traffic; an empty variable counts as unset', () => {
    const defaults = { port: 12111, host: '127.0.0.1', seed: 'demo', speed: 1, traffic: false };
    expect(loadEmulatorConfig({})).toEqual(defaults);
    expect(loadEmulatorConfig({ PORT: '', HOST: '', SEED: '', SPEED: '', TRAFFIC: '' })).toEqual(defaults);
  });

  it('reads PORT, HOST, SEED, SPEED and TRAFFIC, and ignores the rest of the environment', () => {
    expect(loadEmulatorConfig({ PORT: '0', HOST: '::1', SEED: 'none', SPEED: '0', TRAFFIC: '1', STRIPE_SECRET_KEY: 'sk_test_x', EMULATOR_TRAFFIC: '0' })).toEqual({
      port: 0,
      host: '::1',
      seed: 'none',
      speed: 0,
      traffic: true,
    });
    expect(loadEmulatorConfig({ SPEED: '60' }).speed).toBe(60);
    expect(loadEmulatorConfig({ TRAFFIC: 'true' }).traffic).toBe(true);
  });

  it('refuses bad values, naming every variable at fault', () => {
    expect(() => loadEmulatorConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadEmulatorConfig({ SPEED: '-1' })).toThrow(/SPEED/);
    expect(() => loadEmulatorConfig({ TRAFFIC: 'lots' })).toThrow(/TRAFFIC/);
    expect(() => loadEmulatorConfig({ SEED: 'lots' })).toThrow(/SEED: Invalid enum value\. Expected 'demo' \| 'none'/);
    expect(() => loadEmulatorConfig({ PORT: 'http', SPEED: 'fast' })).toThrow(/PORT[\s\S]*SPEED/);
  });
});

describe("npm start's embedded emulator: EMULATOR_TRAFFIC", () => {
  it('keeps demo traffic going unless EMULATOR_TRAFFIC is 0 or false; anything else is refused', () => {
    expect(loadConfig({}).emulatorTraffic).toBe(true);
    expect(loadConfig({ EMULATOR_TRAFFIC: '1' }).emulatorTraffic).toBe(true);
    expect(loadConfig({ EMULATOR_TRAFFIC: '0' }).emulatorTraffic).toBe(false);
    expect(loadConfig({ EMULATOR_TRAFFIC: 'false' }).emulatorTraffic).toBe(false);
    expect(() => loadConfig({ EMULATOR_TRAFFIC: 'off' })).toThrow(/EMULATOR_TRAFFIC/);
  });
});
