/**
 * The built app served as a static host would: files from the build's folder, `config.json` pointing at
 * the emulator, and index.html for every other path (the app routes in the browser).
 */
import * as fs from "node:fs"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import * as path from "node:path"

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png"
}

export interface StaticServer {
  readonly url: string
  readonly close: () => Promise<void>
}

/** Serves `folder` on a free loopback port, with `config` as `/config.json`. */
export const serve = async (folder: string, config: unknown): Promise<StaticServer> => {
  const root = path.resolve(folder)
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname)
    if (pathname === "/config.json") {
      response.writeHead(200, { "content-type": types[".json"]!, "cache-control": "no-store" })
      response.end(JSON.stringify(config))
      return
    }
    const file = path.join(root, pathname)
    const inside = file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()
    const served = inside ? file : path.join(root, "index.html")
    // Vite's assets are named by their content's hash, so a browser may keep them (as a static host says).
    const caching = inside && pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache"
    response.writeHead(200, {
      "content-type": types[path.extname(served)] ?? "application/octet-stream",
      "cache-control": caching
    })
    fs.createReadStream(served).pipe(response)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error === undefined ? resolve() : reject(error)))
      })
  }
}
