/**
 * The ingest benchmark's baseline: a bare Fastify server with one route that does one INSERT per
 * request into a one-table schema. No signature check, no lookup, no job: what "take a webhook and
 * make it durable" costs at the least on this machine and this PostgreSQL. Run by bench/ingest.ts as
 * `node bench/baseline-server.ts` with DATABASE_URL, PORT and HOST.
 */
import Fastify from 'fastify';
import pg from 'pg';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
// Careline's own pool size (src/platform/db/create-db.ts), so both sides get the same connections.
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.POOL_SIZE ?? 10) });
await pool.query(`create table if not exists bench_events (
  id bigserial primary key,
  body text not null,
  received_at timestamptz not null default now()
)`);

const app = Fastify({ logger: false });
app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
  done(null, body),
);
app.get('/health', async () => ({ status: 'ok' }));
app.post('/webhooks/whatsapp', async (request, reply) => {
  const body = request.body;
  if (!Buffer.isBuffer(body)) return reply.code(415).send({ error: 'expected application/json' });
  await pool.query('insert into bench_events (body) values ($1)', [body.toString('utf8')]);
  return reply.code(200).send({ received: true, stored: 1 });
});

await app.listen({ port: Number(process.env.PORT ?? 3100), host: process.env.HOST ?? '127.0.0.1' });

const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
