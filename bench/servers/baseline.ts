import Fastify from 'fastify';
import { announceListening, LOOPBACK } from '../support';

/** The reference for the throughput benchmark: a bare Fastify hello-world, run the same way as the app. */
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: 0, host: LOOPBACK });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('baseline is not listening on a TCP port');
announceListening(address.port, () => app.close());
