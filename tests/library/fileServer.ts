import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A body to serve, or "hang": accept the request and never answer (a URL that times out). */
export type Route = Uint8Array | string | "hang";

export interface FileServer {
  url(path: string): string;
  close(): Promise<void>;
}

/** A loopback http server with fixed routes, standing in for report URLs and attachment URLs. */
export async function startFileServer(routes: Record<string, Route>): Promise<FileServer> {
  const hanging = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    const route = routes[request.url ?? ""];
    if (route === "hang") {
      hanging.add(response);
      return;
    }
    if (route === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "text/plain" }).end(route);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
