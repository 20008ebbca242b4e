/** Runs the example app: `pnpm --filter @enterprisehub/example-embed-in-express start` (PORT, default 3100). */
import { createExistingApp } from './existing-app.js';

const port = Number(process.env['PORT'] ?? 3100);
const { app } = createExistingApp({
  onTurn: (turn) =>
    process.stdout.write(`turn ${turn.messageId}: ${turn.reply.kind} (${turn.bot ?? 'no bot'})\n`),
});
app.listen(port, () =>
  process.stdout.write(
    `example app on http://127.0.0.1:${port} — GHL webhooks at POST /enterprisehub/webhooks/ghl\n`,
  ),
);
