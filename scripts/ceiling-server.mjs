// The benchmark's ceiling: a plain Node http server answering every request with the same static
// body (a saved copy of one of our pages). Reads the body from the file in argv[2], prints its port.
import http from 'node:http'
import fs from 'node:fs'

const body = fs.readFileSync(process.argv[2])
const type = process.argv[3] ?? 'text/html; charset=utf-8'
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length })
  res.end(body)
})
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
