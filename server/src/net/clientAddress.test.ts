import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './clientAddress.ts';

const PEER = '10.0.0.5';

function request(forwardedFor?: string | string[], remoteAddress: string | null = PEER): IncomingMessage {
  const headers = forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor };
  return { headers, socket: { remoteAddress: remoteAddress ?? undefined } } as unknown as IncomingMessage;
}

describe('clientAddress', () => {
  it('is the socket address when no proxy is trusted, whatever the header says', () => {
    expect(clientAddress(request('203.0.113.9'), 0)).toBe(PEER);
    expect(clientAddress(request('203.0.113.9, 198.51.100.1'), 0)).toBe(PEER);
    expect(clientAddress(request(undefined, null), 0)).toBe('unknown');
  });

  it('behind one proxy is the right-most entry; what the client wrote before it is ignored', () => {
    expect(clientAddress(request('203.0.113.9'), 1)).toBe('203.0.113.9');
    // A client that sends its own X-Forwarded-For: nginx appends the real peer after it.
    expect(clientAddress(request('1.2.3.4, 203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddress(request('not an address, 203.0.113.9'), 1)).toBe('203.0.113.9');
  });

  it('behind two proxies is the second entry from the right', () => {
    expect(clientAddress(request('1.2.3.4, 203.0.113.9, 192.168.1.2'), 2)).toBe('203.0.113.9');
    // Repeated headers are one list (Node joins them; an array is read the same way).
    expect(clientAddress(request(['1.2.3.4', '203.0.113.9, 192.168.1.2']), 2)).toBe('203.0.113.9');
    // A chain shorter than the hop count: its left-most entry, written by a trusted proxy too.
    expect(clientAddress(request('203.0.113.9'), 2)).toBe('203.0.113.9');
  });

  it('reads IPv6, bracketed and with ports', () => {
    expect(clientAddress(request('2001:db8::1'), 1)).toBe('2001:db8::1');
    expect(clientAddress(request('[2001:db8::1]:443'), 1)).toBe('2001:db8::1');
    expect(clientAddress(request('203.0.113.9:51234'), 1)).toBe('203.0.113.9');
  });

  it('falls back to the socket address for a missing or malformed header', () => {
    expect(clientAddress(request(), 1)).toBe(PEER);
    for (const bad of [
      '',
      ' ',
      ',',
      'unknown',
      'evil.example',
      '203.0.113.9,',
      '999.1.1.1',
      '1.2.3.4 5.6.7.8',
      '[::1',
    ]) {
      expect(clientAddress(request(bad), 1), JSON.stringify(bad)).toBe(PEER);
    }
    // A trusted proxy's own entry broken: the chain is not believed at all.
    expect(clientAddress(request('203.0.113.9, garbage'), 2)).toBe(PEER);
    expect(clientAddress(request(`${'1.1.1.1, '.repeat(600)}203.0.113.9`), 1)).toBe(PEER);
  });
});
