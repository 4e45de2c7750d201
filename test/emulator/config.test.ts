import { describe, expect, it } from 'vitest';
import { loadEmulatorConfig } from '../../src/emulator/config.js';

describe('standalone emulator configuration (npm run emulator)', () => {
  it('defaults to demo data on 127.0.0.1:12111 with a real-time clock; an empty variable counts as unset', () => {
    const defaults = { port: 12111, host: '127.0.0.1', seed: 'demo', speed: 1 };
    expect(loadEmulatorConfig({})).toEqual(defaults);
    expect(loadEmulatorConfig({ PORT: '', HOST: '', SEED: '', SPEED: '' })).toEqual(defaults);
  });

  it('reads PORT, HOST, SEED and SPEED, and ignores the rest of the environment', () => {
    expect(loadEmulatorConfig({ PORT: '0', HOST: '::1', SEED: 'none', SPEED: '0', STRIPE_SECRET_KEY: 'sk_test_x' })).toEqual({ port: 0, host: '::1', seed: 'none', speed: 0 });
    expect(loadEmulatorConfig({ SPEED: '60' }).speed).toBe(60);
  });

  it('refuses bad values, naming every variable at fault', () => {
    expect(() => loadEmulatorConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadEmulatorConfig({ SPEED: '-1' })).toThrow(/SPEED/);
    expect(() => loadEmulatorConfig({ SEED: 'lots' })).toThrow(/SEED: Invalid enum value\. Expected 'demo' \| 'none'/);
    expect(() => loadEmulatorConfig({ PORT: 'http', SPEED: 'fast' })).toThrow(/PORT[\s\S]*SPEED/);
  });
});
