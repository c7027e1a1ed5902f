/* global document, window, DOMParser */
// Progressive enhancement for /mijn-gegevens/export/<id>: while the export is being made, fetch
// the page again every two seconds and swap in its status region. Without this script the
// "Vernieuwen" link does the same by hand.
;(function () {
  var region = document.getElementById('export-status')
  if (!region || !region.getAttribute('data-refresh') || !window.fetch || !window.DOMParser) return
  var url = region.getAttribute('data-refresh')
  var tries = 0
  function poll() {
    if (++tries > 300) return
    fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (res) {
        return res.ok ? res.text() : null
      })
      .then(function (html) {
        if (!html) return
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('export-status')
        if (!next) return
        region.innerHTML = next.innerHTML
        if (next.getAttribute('data-refresh')) setTimeout(poll, 2000)
        else region.removeAttribute('data-refresh')
      })
      .catch(function () {
        setTimeout(poll, 5000)
      })
  }
  setTimeout(poll, 2000)
})()
