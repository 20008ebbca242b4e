import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildNotification } from '../../test/support/notification-fixture';
import { createEmailNotifier } from './email-notifier';

interface ReceivedMail {
  from: string;
  to: string[];
  user: string | undefined;
  raw: string;
}

let server: SMTPServer;
let port: number;
let received: ReceivedMail[];
let rcptFailures: number[];

beforeEach(async () => {
  received = [];
  rcptFailures = [];
  server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (auth, _session, callback) => {
      if (auth.username === 'alerts' && auth.password === 's3cret-pw')
        callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
    },
    onRcptTo: (_address: SMTPServerAddress, _session: SMTPServerSession, callback) => {
      const code = rcptFailures.shift();
      if (code === undefined) callback();
      else callback(Object.assign(new Error(`Failure ${code}`), { responseCode: code }));
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom;
        received.push({
          from: mailFrom === false ? '' : mailFrom.address,
          to: session.envelope.rcptTo.map((address) => address.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

const make = (password = 's3cret-pw') =>
  createEmailNotifier({
    from: 'alerts@agency.example',
    to: ['oncall@agency.example', 'lead@agency.example'],
    smtp: { host: '127.0.0.1', port, user: 'alerts', password },
    retry: { maxAttempts: 3, baseDelayMs: 1 },
    timeoutMs: 5_000,
  });

describe('createEmailNotifier', () => {
  it('sends the alert over SMTP with auth, subject, headers and a readable body', async () => {
    await make().notify({ notification: buildNotification() });
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail?.from).toBe('alerts@agency.example');
    expect(mail?.to).toEqual(['oncall@agency.example', 'lead@agency.example']);
    expect(mail?.user).toBe('alerts');
    const raw = mail?.raw ?? '';
    expect(raw).toMatch(/^Subject: \[FIRING:CRITICAL\] SLA violation \(bot=lead\)\r$/m);
    expect(raw).toMatch(/^To: oncall@agency\.example, lead@agency\.example\r$/m);
    expect(raw).toMatch(/^X-Alert-Fingerprint: 3f0c9a1b2c3d4e5f\r$/m);
    expect(raw).toMatch(/^References: <3f0c9a1b2c3d4e5f\.1767225600000@alerts\.enterprisehub>\r$/m);
    expect(raw).toContain('Fingerprint: 3f0c9a1b2c3d4e5f');
    expect(raw).toContain('Content-Type: text/html');
    expect(raw).not.toContain('s3cret-pw');
  });

  it('retries a temporary 451 and succeeds', async () => {
    rcptFailures.push(451);
    await make().notify({ notification: buildNotification() });
    expect(received).toHaveLength(1);
  });

  it('does not retry a permanent 550 and keeps addresses out of the error message', async () => {
    rcptFailures.push(550, 550, 550, 550);
    const error = await make()
      .notify({ notification: buildNotification() })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'ALERT_CHANNEL_REJECTED', retryable: false });
    expect(rcptFailures).toHaveLength(2); // one attempt refused both recipients; no second attempt
    expect(String((error as Error).message)).not.toContain('@');
  });

  it('refuses bad credentials without retrying or echoing the password', async () => {
    const error = await make('wrong-password')
      .notify({ notification: buildNotification() })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'ALERT_CHANNEL_REJECTED',
      details: { errorCode: 'EAUTH' },
    });
    expect(JSON.stringify(error)).not.toContain('wrong-password');
    expect(received).toHaveLength(0);
  });

  it('accepts an injected transport instead of SMTP settings', async () => {
    const sent: string[] = [];
    const notifier = createEmailNotifier({
      from: 'a@example.com',
      to: ['b@example.com'],
      transport: { sendMail: (message) => Promise.resolve(void sent.push(message.subject)) },
    });
    await notifier.notify({
      notification: buildNotification({ status: 'resolved', title: '[RESOLVED] SLA violation' }),
    });
    expect(sent).toEqual(['[RESOLVED] SLA violation']);
  });
});
