/**
 * Inside the iframe version of a widget: tells the page that frames it how tall the widget is,
 * so that page can size the iframe to fit. Optional on both sides: a host without a listener
 * keeps the iframe at the height it set (with a scrollbar), and the widget works without this
 * script. Messages go only to the partner's registered origins (in data-host-origins); the
 * browser drops one addressed to an origin that is not the framing page's.
 */
const root = document.documentElement
const origins = (root.dataset.hostOrigins ?? '').split(' ').filter((o) => o !== '')
const widget = root.dataset.widgetId ?? ''
let told = 0

/**
 * The content's own height: not the document's (never less than the iframe) nor the widget box's
 * (it fills the frame, min-height 100vh), but down to its last child and its padding.
 */
function contentHeight(): number {
  const box = document.querySelector('.wc') ?? document.body
  const last = box.lastElementChild ?? box
  const px = (el: Element, side: 'marginBottom' | 'paddingBottom' | 'borderBottomWidth') => parseFloat(getComputedStyle(el)[side]) || 0
  return Math.ceil(last.getBoundingClientRect().bottom + window.scrollY + px(last, 'marginBottom') + px(box, 'paddingBottom') + px(box, 'borderBottomWidth'))
}

function tell(): void {
  const height = contentHeight()
  if (height === told) return
  told = height
  for (const origin of origins) window.parent.postMessage({ type: 'wijkconnect:height', widget, height }, origin)
}

if (window.parent !== window && origins.length > 0) {
  new ResizeObserver(tell).observe(document.body)
  tell()
}
