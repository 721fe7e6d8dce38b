import type { AddressInfo, Socket as NetSocket } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import type { City } from '@cbo/city';
import type { ClientToServerEvents, ServerToClientEvents, TrafficObservation } from '@cbo/contracts';
import { createTrafficSim } from '@cbo/sim';
import { decodeFrame } from '@cbo/wire';
import { buildApp, createManualClock, SIM_SOURCE } from '@cbo/server';
import { enginePacketBytes } from './wire-bytes';

/** Figures of the 50,000-segment run. */
export interface TrafficScale {
  segments: number;
  ticks: number;
  /** Mean share of segments changed per tick. */
  changedShare: number;
  /** encodeDelta bytes / changed segments; goal <= 6. */
  frameBytesPerChanged: number;
  /** Socket.IO + engine.io + WebSocket bytes added to each delta frame (header packet, placeholders, framing). */
  socketOverheadBytesPerDelta: number;
  /** Everything the client's TCP connection carried per tick (delta, indices, health), bytes. */
  wireBytesPerTick: number;
  /** Server CPU per tick: ingest of the tick's observations + indices + diff + encode + broadcast, ms. */
  cpuMsPerTickMean: number;
  cpuMsPerTickMax: number;
}

/** Each segment reports every 10 s, so about 10% of segments change per 1 s tick. */
const REPORT_EVERY_MS = 10_000;
const TICK_MS = 1000;

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Runs the real app on a large city on loopback with one real socket.io-client: per tick, the simulator's
 * observations for that second (generated outside the measurement: a feed is not server work) go through the
 * ingest service, then the pipeline ticks and broadcasts. CPU is `process.cpuUsage()` around that synchronous
 * part; bytes are counted from the client's engine packets and the server's TCP socket.
 */
export async function measureTrafficScale(city: City, warmUpTicks = 5, ticks = 30): Promise<TrafficScale> {
  const startAt = Date.UTC(2026, 0, 15, 0, 30); // 08:30 in Hangzhou: morning peak
  const clock = createManualClock(startAt);
  const app = await buildApp(
    { SIM: 'off', LOG_LEVEL: 'silent', WEB_DIST: 'bench/no-web-dist', DATABASE_PATH: ':memory:', TICK_MS },
    { clock, city, announceFirstAdmin: () => undefined },
  );
  // The socket handshake is authenticated: connect as a wall screen.
  const { token } = await app.auth.wallTokens.issue('bench-wall', 'bench', startAt);
  const tcpSockets = new Set<NetSocket>();
  app.server.on('connection', (socket: NetSocket) => tcpSockets.add(socket));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const client: ClientSocket = connect(`http://127.0.0.1:${port}`, {
    transports: ['websocket'],
    forceNew: true,
    auth: { token },
  });
  const sim = createTrafficSim(city, { seed: 1, reportEveryMs: REPORT_EVERY_MS }, startAt - REPORT_EVERY_MS);

  let deltaPacketBytes = 0;
  let expectBinary = false;
  let lastSeq = 0;
  const seqWaiters = new Map<number, () => void>();
  client.on('traffic:delta', (bytes) => {
    lastSeq = decodeFrame(bytes).seq;
    seqWaiters.get(lastSeq)?.();
  });
  try {
    await new Promise<void>((resolve) => client.once('traffic:snapshot', () => resolve()));
    client.io.engine.on('packet', (packet: { data?: unknown }) => {
      const isDeltaHeader = typeof packet.data === 'string' && packet.data.startsWith('51-["traffic:delta"');
      if (isDeltaHeader || expectBinary) deltaPacketBytes += enginePacketBytes(packet.data);
      expectBinary = isDeltaHeader;
    });

    let frameBytes = 0;
    let changed = 0;
    const cpuMs: number[] = [];
    let wireStart = 0;
    for (let k = 0; k < warmUpTicks + ticks; k++) {
      if (k === warmUpTicks) {
        deltaPacketBytes = 0;
        wireStart = [...tcpSockets].reduce((sum, socket) => sum + socket.bytesWritten, 0);
      }
      const at = startAt + k * TICK_MS;
      clock.set(at);
      const observations: TrafficObservation[] = sim.advance(at);
      const received = new Promise<void>((resolve) => seqWaiters.set(k + 1, resolve));
      const cpuBefore = process.cpuUsage();
      app.ingest.ingestObservations(observations, SIM_SOURCE);
      const result = app.pipeline.tickNow(at);
      const cpu = process.cpuUsage(cpuBefore);
      await received;
      if (k >= warmUpTicks) {
        cpuMs.push((cpu.user + cpu.system) / 1000);
        frameBytes += result.deltaFrame.byteLength;
        changed += result.changedCount;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const wireBytes = [...tcpSockets].reduce((sum, socket) => sum + socket.bytesWritten, 0) - wireStart;
    return {
      segments: city.segmentCount,
      ticks,
      changedShare: changed / ticks / city.segmentCount,
      frameBytesPerChanged: frameBytes / changed,
      socketOverheadBytesPerDelta: (deltaPacketBytes - frameBytes) / ticks,
      wireBytesPerTick: wireBytes / ticks,
      cpuMsPerTickMean: cpuMs.reduce((sum, ms) => sum + ms, 0) / cpuMs.length,
      cpuMsPerTickMax: Math.max(...cpuMs),
    };
  } finally {
    client.disconnect();
    await app.close();
  }
}
