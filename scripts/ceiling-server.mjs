// The benchmark's ceiling: a plain Node http server answering every request with the same static
// body (a saved copy of one of our pages, as sent: gzipped when ours was). Reads the body from the
// file in argv[2], its type and content coding from argv[3] and argv[4]; prints its port.
import http from 'node:http'
import fs from 'node:fs'

const body = fs.readFileSync(process.argv[2])
const type = process.argv[3] ?? 'text/html; charset=utf-8'
const encoding = process.argv[4] ? { 'Content-Encoding': process.argv[4] } : {}
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, ...encoding })
  res.end(body)
})
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
