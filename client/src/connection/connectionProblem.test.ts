import { describe, expect, it } from 'vitest';
import { closeProblem, deniedProblem } from './connectionProblem.ts';

describe('closeProblem', () => {
  it('stops reconnecting where retrying cannot help', () => {
    expect(closeProblem(1008, 'access revoked')).toMatchObject({ kind: 'revoked', permanent: true });
    expect(closeProblem(1008, 'login ended: log in again')).toMatchObject({ kind: 'loginEnded', permanent: true });
    expect(closeProblem(1008, 'document size limit (10000 bytes) reached')).toMatchObject({
      kind: 'tooLarge',
      permanent: true,
    });
    expect(closeProblem(1009, '')).toMatchObject({ kind: 'tooLarge', permanent: true });
    expect(closeProblem(1007, 'update breaks the template: a paragraph where a clause must be')).toMatchObject({
      kind: 'breaksTemplate',
      permanent: true,
    });
    expect(closeProblem(1007, 'malformed message')).toMatchObject({ kind: 'invalid', permanent: true });
  });

  it('keeps retrying over a connection limit, and for ordinary disconnects says nothing', () => {
    expect(closeProblem(1008, 'too many connections for this user (limit 2)')).toMatchObject({
      kind: 'tooManyConnections',
      permanent: false,
    });
    expect(closeProblem(1006, '')).toBeNull();
    expect(closeProblem(1007, 'update depends on missing content')).toBeNull();
    expect(closeProblem(1001, 'server closing')).toBeNull();
    expect(closeProblem(1013, 'document was unloaded; reconnect')).toBeNull();
  });

  it('reads a permission-denied message as read-only, keeping the connection', () => {
    expect(deniedProblem('read-only: viewers cannot change this template')).toEqual({
      kind: 'readOnly',
      reason: 'read-only: viewers cannot change this template',
      permanent: false,
    });
  });
});
