import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('config', () => {
  it('runs with no configuration at all (embedded defaults)', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe('./data');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.CAPTCHA).toBe('on');
    expect(c.SESSION_IDLE_MINUTES).toBe(30);
    expect(c.MFA_REQUIRED_ROLES).toEqual(['admin', 'sp', 'scrb', 'sho']);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', CAPTCHA: 'maybe', STATE_CODE: 'xyz', DEMO_PASSWORD: 'short' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const vars = (e as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(vars).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'CAPTCHA', 'STATE_CODE', 'DEMO_PASSWORD']));
    }
  });

  it('refuses CAPTCHA=off and a missing secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', CAPTCHA: 'off', DATABASE_URL: 'postgres://x/y' })).toThrow(
      /CAPTCHA.*APP_SECRET|APP_SECRET[\s\S]*CAPTCHA|CAPTCHA/,
    );
    try {
      loadConfig({ NODE_ENV: 'production', CAPTCHA: 'off' });
    } catch (e) {
      const vars = (e as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(vars).toEqual(expect.arrayContaining(['CAPTCHA', 'APP_SECRET', 'DATABASE_URL']));
    }
  });
});
