import { describe, expect, it } from 'vitest';
import { withRequestIds } from './request-id.js';

describe('withRequestIds', () => {
  it('adds the request and trace ids to each error, keeping its code and other extensions', () => {
    const errors = [
      { message: 'Not signed in', extensions: { code: 'UNAUTHENTICATED' } },
      { message: 'No such plant', path: ['userPlant'], extensions: { code: 'NOT_FOUND', serviceName: 'plants' } },
    ];
    expect(withRequestIds(errors, { requestId: 'req-1', traceId: 'abc' })).toEqual([
      { message: 'Not signed in', extensions: { code: 'UNAUTHENTICATED', requestId: 'req-1', traceId: 'abc' } },
      {
        message: 'No such plant',
        path: ['userPlant'],
        extensions: { code: 'NOT_FOUND', serviceName: 'plants', requestId: 'req-1', traceId: 'abc' },
      },
    ]);
  });

  it('leaves out the trace id while tracing is off', () => {
    const [error] = withRequestIds([{ message: 'x' }], { requestId: 'req-2', traceId: undefined });
    expect(error?.extensions).toEqual({ requestId: 'req-2' });
  });
});
