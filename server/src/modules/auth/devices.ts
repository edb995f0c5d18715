import { isIP } from 'node:net';
import { sha256Hex } from '../../lib/ids.js';

/**
 * A short, human label for a browser from its User-Agent ("Chrome on Android"), for "Your
 * sessions" and the new-device notice. Versions are left out on purpose: an update of the
 * browser is not a new device.
 */
export function describeDevice(userAgent: string | null | undefined): string {
  const ua = userAgent ?? '';
  const browser = /EdgA?\/|Edg\//.test(ua)
    ? 'Edge'
    : /OPR\/|Opera/.test(ua)
      ? 'Opera'
      : /SamsungBrowser\//.test(ua)
        ? 'Samsung Internet'
        : /UCBrowser\//.test(ua)
          ? 'UC Browser'
          : /Firefox\/|FxiOS\//.test(ua)
            ? 'Firefox'
            : /Chrome\/|CriOS\/|Chromium\//.test(ua)
              ? 'Chrome'
              : /Safari\//.test(ua) && /Version\//.test(ua)
                ? 'Safari'
                : /curl\//i.test(ua)
                  ? 'curl'
                  : null;
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /CrOS/.test(ua)
            ? 'ChromeOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : null;
  if (browser && os) return `${browser} on ${os}`;
  if (browser) return browser;
  if (os) return `Browser on ${os}`;
  return ua ? `Other (${ua.slice(0, 40)})` : 'Unknown browser';
}

/**
 * The network an address belongs to, coarse enough that a phone moving between towers of the
 * same provider is not a "new device": IPv4 /16, IPv6 /32.
 */
export function networkOf(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (isIP(v4) === 4) return `${v4.split('.').slice(0, 2).join('.')}.0.0/16`;
  if (isIP(ip) === 6) {
    const head = ip.split('::')[0].split(':');
    while (head.length < 2) head.push('0');
    return `${head
      .slice(0, 2)
      .map((h) => h || '0')
      .join(':')}::/32`;
  }
  return 'unknown';
}

/** What makes a login "from a new device": the browser family and OS, and the network. */
export const deviceFingerprint = (userAgent: string | null | undefined, ip: string | null | undefined): string =>
  sha256Hex(`${describeDevice(userAgent)}|${networkOf(ip)}`);
