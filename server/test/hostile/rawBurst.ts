import { connect } from 'node:net';

const KEY = 'dGhlIHNhbXBsZSBub25jZQ==';

/** A masked client websocket frame (RFC 6455 §5.2): binary (opcode 2) or text (opcode 1). */
export function clientFrame(payload: Uint8Array, text = false): Buffer {
  const length = payload.length;
  const head =
    length < 126
      ? [0x80 | (text ? 1 : 2), 0x80 | length]
      : length < 65536
        ? [0x80 | (text ? 1 : 2), 0x80 | 126, length >> 8, length & 255]
        : [
            0x80 | (text ? 1 : 2),
            0x80 | 127,
            0,
            0,
            0,
            0,
            (length >>> 24) & 255,
            (length >> 16) & 255,
            (length >> 8) & 255,
            length & 255,
          ];
  const mask = [0x12, 0x34, 0x56, 0x78];
  const body = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) body[i] = (payload[i] as number) ^ (mask[i & 3] as number);
  return Buffer.concat([Buffer.from(head), Buffer.from(mask), body]);
}

/** How a burst ended: the server's close code (0 when the connection ended without one), or a refused upgrade. */
export type BurstEnd = { code: number } | { status: number };

/**
 * Opens a websocket to `path` by hand and sends the upgrade request and `frames` in one write, without waiting for
 * the answer (a hostile client does not need to). Resolves with the close code the server sends.
 */
export function rawBurst(
  port: number,
  path: string,
  frames: Buffer[],
  headers: Record<string, string> = {},
): Promise<BurstEnd> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let seen: Buffer = Buffer.alloc(0);
    let settled = false;
    const finish = (end: BurstEnd) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(end);
    };
    socket.on('connect', () => {
      const request =
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${KEY}\r\nSec-WebSocket-Version: 13\r\n` +
        Object.entries(headers)
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join('') +
        '\r\n';
      socket.write(Buffer.concat([Buffer.from(request), ...frames]));
    });
    socket.on('data', (chunk: Buffer) => {
      seen = seen.length ? Buffer.concat([seen, chunk]) : chunk;
      const headerEnd = seen.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const status = Number(seen.subarray(9, 12).toString());
      if (status !== 101) return finish({ status });
      // Server frames are unmasked: walk them until the close frame (opcode 8).
      let at = headerEnd + 4;
      while (at + 2 <= seen.length) {
        const opcode = (seen[at] as number) & 0x0f;
        let length = (seen[at + 1] as number) & 0x7f;
        let start = at + 2;
        if (length === 126) {
          if (start + 2 > seen.length) return;
          length = seen.readUInt16BE(start);
          start += 2;
        } else if (length === 127) {
          if (start + 8 > seen.length) return;
          length = Number(seen.readBigUInt64BE(start));
          start += 8;
        }
        if (opcode === 8) {
          if (start + Math.min(length, 2) > seen.length) return;
          return finish({ code: length >= 2 ? seen.readUInt16BE(start) : 1005 });
        }
        at = start + length;
      }
    });
    socket.on('close', () => finish({ code: 0 }));
    socket.on('error', () => finish({ code: 0 }));
  });
}
