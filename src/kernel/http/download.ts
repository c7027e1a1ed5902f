/**
 * The headers of a file to save rather than show (a CSV export, an invoice's PDF or e-invoice):
 * saved under its own name, never cached on the way (it may hold personal or fiscal data), never
 * sniffed as something else than it says.
 */
export function downloadHeaders(filename: string, contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    // Our file names are ASCII we made ourselves ("factuur-2026-00001.pdf"); quotes are dropped anyway.
    'Content-Disposition': `attachment; filename="${filename.replace(/["\\\r\n]/g, '')}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  }
}
