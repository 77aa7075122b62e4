import type { Server as HttpServer } from "node:http";
import type { Socket } from "node:net";

type Message = { bulwark?: "ready" | "connection" | "closed" };
/** A web worker as the primary sees it (a cluster worker; any child process with an IPC channel). */
type Worker = {
  send(message: Message, socket: Socket, callback: (error: Error | null) => void): boolean;
  on(event: "message", listener: (message: Message) => void): unknown;
};

/**
 * The primary's half of spreading connections over the web workers: each new connection goes to
 * the ready worker with the fewest open, which tells the primary when one closes. Node's cluster
 * hands connections round the workers that are free at that instant, so a burst of them (50 users
 * arriving at once) lands unevenly (22 and 28 seen) and, as browsers keep connections open, the
 * users on the busier worker wait longer for every page after (compare at 50 users: 470 ms a page
 * on one worker, 650–750 on the other).
 */
export class ConnectionBalancer {
  readonly #open = new Map<Worker, number>();

  /** A worker ready to serve. */
  add(worker: Worker): void {
    this.#open.set(worker, 0);
    worker.on("message", (m: Message) => {
      if (m?.bulwark === "closed") this.#closed(worker);
    });
  }

  /** One of a worker's connections closed (or never reached it). */
  #closed(worker: Worker): void {
    const open = this.#open.get(worker);
    if (open !== undefined) this.#open.set(worker, Math.max(0, open - 1));
  }

  /** A worker that ended or is stopping: it gets no more connections. */
  remove(worker: Worker): void {
    this.#open.delete(worker);
  }

  /** Hands a new (paused) connection to the ready worker with the fewest open; with none ready, closes it. */
  assign(socket: Socket): void {
    let best: Worker | undefined;
    for (const [w, n] of this.#open) if (!best || n < this.#open.get(best)!) best = w;
    if (!best) {
      socket.destroy();
      return;
    }
    const worker = best;
    this.#open.set(worker, this.#open.get(worker)! + 1);
    worker.send({ bulwark: "connection" } satisfies Message, socket, (error) => {
      if (!error) return;
      socket.destroy();
      this.#closed(worker);
    });
  }
}

/**
 * The worker's half: says it is ready, serves with `server` the connections the primary hands
 * over, and says when each closes. The server does not listen itself, so Node's tracking of its
 * connections (idle close on shutdown, header and request timeouts) is started as listening
 * starts it. Returns how many are open (a stopping worker waits for them).
 */
export function serveHandedConnections(server: HttpServer): () => number {
  const open = new Set<Socket>();
  server.emit("listening");
  process.on("message", (m: Message, socket?: Socket) => {
    if (m?.bulwark !== "connection" || !socket) return;
    open.add(socket);
    socket.once("close", () => {
      open.delete(socket);
      process.send?.({ bulwark: "closed" } satisfies Message);
    });
    // As Node's own listener sets on what it accepts for an HTTP server: without it, a response
    // written in parts waits on the client's delayed ACK (40 ms).
    socket.setNoDelay(true);
    server.emit("connection", socket);
  });
  process.send?.({ bulwark: "ready" } satisfies Message);
  return () => open.size;
}
