import { describe, expect, it } from 'vitest';
import { connectionState } from './connectionState.ts';

describe('connectionState', () => {
  const base = { wsconnected: false, synced: false, lost: false, online: true };

  it('is connecting until the first sync, then connected', () => {
    expect(connectionState(base)).toBe('connecting');
    expect(connectionState({ ...base, wsconnected: true })).toBe('connecting');
    expect(connectionState({ ...base, wsconnected: true, synced: true })).toBe('connected');
  });

  it('stays offline through retries after a loss, and is connecting again once a socket opens', () => {
    expect(connectionState({ ...base, lost: true })).toBe('offline');
    expect(connectionState({ ...base, lost: true, wsconnected: true })).toBe('connecting');
  });

  it('is offline whenever the browser says so, even with a socket still open', () => {
    expect(connectionState({ ...base, online: false })).toBe('offline');
    expect(connectionState({ wsconnected: true, synced: true, lost: false, online: false })).toBe('offline');
  });
});
