/* global document, navigator, window */
/*
 * "Gebruik mijn locatie" on the wijk chooser (P17). A progressive enhancement: without this
 * script the button stays hidden, and the postcode form and the list of wijken still work.
 * The location is asked for only when the visitor clicks, with low accuracy; it is rounded to
 * two decimals (about a kilometre) before it leaves the browser, and goes only to our own
 * /zoek-wijk, which answers with a redirect and keeps nothing.
 */
(function () {
  'use strict'
  var box = document.getElementById('locate')
  if (!box || !('geolocation' in navigator)) return
  var button = box.querySelector('button')
  var status = box.querySelector('[data-status]')
  if (!button || !status) return
  box.hidden = false
  button.addEventListener('click', function () {
    button.disabled = true
    status.textContent = box.getAttribute('data-busy')
    navigator.geolocation.getCurrentPosition(
      function (position) {
        var lat = position.coords.latitude.toFixed(2)
        var lon = position.coords.longitude.toFixed(2)
        window.location.assign('/zoek-wijk?lat=' + encodeURIComponent(lat) + '&lon=' + encodeURIComponent(lon))
      },
      function () {
        button.disabled = false
        status.textContent = box.getAttribute('data-failed')
      },
      { enableHighAccuracy: false, timeout: 20000, maximumAge: 600000 }
    )
  })
})()
