/** A test HTTP server on a free port of 127.0.0.1: what the relays and proxies that tests put between nodes build on. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export abstract class LoopbackServer {
  private readonly server = createServer((req, res) => void this.handle(req, res));

  /** Answers one request. */
  protected abstract handle(req: IncomingMessage, res: ServerResponse): Promise<void>;

  /** Starts listening; resolves with the base URL. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  /** Stops listening and drops the connections still open. */
  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
