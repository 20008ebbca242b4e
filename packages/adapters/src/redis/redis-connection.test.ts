import { EnterpriseHubError } from '@enterprisehub/core';
import { describe, expect, it } from 'vitest';
import type { RedisClientLike } from './redis-client-like';
import { RedisConnection } from './redis-connection';
import { RedisScript } from './redis-script';

function fakeClient(call: RedisClientLike['call']): RedisClientLike & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    call: (command, args) => {
      calls.push([command, ...args.map(String)]);
      return call(command, args);
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<EnterpriseHubError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!EnterpriseHubError.isInstance(error)) throw new Error(`expected an EnterpriseHubError`);
  return error;
}

describe('RedisConnection', () => {
  it('builds keys as <prefix>:{<tenant>}:<kind>:<key> with the tenant URI-encoded', () => {
    const connection = new RedisConnection({ client: fakeClient(() => Promise.resolve(null)) });
    expect(connection.key('t1', 'lock', 'contact:c1')).toBe('eh:{t1}:lock:contact:c1');
    // a tenant id cannot forge another tenant's keys or break out of the hash tag
    expect(connection.key('a}:lock:x', 'lock', 'k')).toBe('eh:{a%7D%3Alock%3Ax}:lock:k');
    expect(connection.key('a', 'lock', 'x}:lock:k')).not.toBe(
      connection.key('a}:lock:x', 'lock', 'k'),
    );
  });

  it('rejects configurations without exactly one of client or url, and bad prefixes', () => {
    expect(() => new RedisConnection({})).toThrow(/exactly one of client or url/);
    expect(
      () =>
        new RedisConnection({
          url: 'redis://127.0.0.1:6379',
          client: fakeClient(() => Promise.resolve(null)),
        }),
    ).toThrow(/exactly one/);
    expect(
      () =>
        new RedisConnection({
          client: fakeClient(() => Promise.resolve(null)),
          keyPrefix: 'bad prefix:*',
        }),
    ).toThrow(/key prefix/);
  });

  it('maps connection failures to the retryable REDIS_UNAVAILABLE without the client message', async () => {
    const connection = new RedisConnection({
      client: fakeClient(() =>
        Promise.reject(
          Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:6379 secret-host'), {
            code: 'ECONNREFUSED',
          }),
        ),
      ),
    });
    const error = await failure(connection.command('cache.get', ['GET', 'k']));
    expect(error.code).toBe('REDIS_UNAVAILABLE');
    expect(error.retryable).toBe(true);
    expect(error.message).not.toContain('secret-host');
  });

  it('maps an error reply to INTERNAL, but transient replies (LOADING, READONLY) to REDIS_UNAVAILABLE', async () => {
    const reply = (message: string) =>
      new RedisConnection({
        client: fakeClient(() =>
          Promise.reject(Object.assign(new Error(message), { name: 'ReplyError' })),
        ),
      });
    expect((await failure(reply('WRONGTYPE Operation').command('x', ['GET', 'k']))).code).toBe(
      'INTERNAL',
    );
    expect((await failure(reply('LOADING dataset').command('x', ['GET', 'k']))).code).toBe(
      'REDIS_UNAVAILABLE',
    );
    expect((await failure(reply('READONLY replica').command('x', ['GET', 'k']))).code).toBe(
      'REDIS_UNAVAILABLE',
    );
  });

  it('fails a command that does not answer within commandTimeoutMs with REDIS_UNAVAILABLE', async () => {
    const connection = new RedisConnection({
      client: fakeClient(() => new Promise(() => undefined)),
      commandTimeoutMs: 20,
    });
    const error = await failure(connection.command('lock.acquire', ['SET', 'k', 'v']));
    expect(error.code).toBe('REDIS_UNAVAILABLE');
  });

  it('rejects with ABORTED before sending when the signal is already aborted', async () => {
    const client = fakeClient(() => Promise.resolve('OK'));
    const connection = new RedisConnection({ client });
    const error = await failure(
      connection.command('cache.set', ['SET', 'k', 'v'], AbortSignal.abort()),
    );
    expect(error.code).toBe('ABORTED');
    expect(client.calls).toEqual([]);
  });

  it('runs scripts by hash and falls back to EVAL when the server answers NOSCRIPT', async () => {
    const script = new RedisScript('return 1');
    const client = fakeClient((command) =>
      command === 'EVALSHA'
        ? Promise.reject(
            Object.assign(new Error('NOSCRIPT No matching script'), { name: 'ReplyError' }),
          )
        : Promise.resolve(1),
    );
    const connection = new RedisConnection({ client });
    await expect(connection.script('s', script, { keys: ['a'], args: [5] })).resolves.toBe(1);
    expect(client.calls).toEqual([
      ['EVALSHA', script.sha, '1', 'a', '5'],
      ['EVAL', 'return 1', '1', 'a', '5'],
    ]);
  });

  it('resolves a lazy client factory once and fails after close', async () => {
    let created = 0;
    const connection = new RedisConnection({
      client: () => {
        created += 1;
        return fakeClient(() => Promise.resolve('PONG'));
      },
    });
    await connection.command('a', ['PING']);
    await connection.command('b', ['PING']);
    expect(created).toBe(1);
    await connection.close();
    expect((await failure(connection.command('c', ['PING']))).code).toBe('REDIS_UNAVAILABLE');
  });
});
