/* global document, window, navigator, atob, btoa, FormData, PublicKeyCredential */
// Passkeys (WebAuthn) for forms marked data-passkey="register" or "login". Progressive
// enhancement: without this script, or in a browser without passkeys, the forms stay inert and
// the authenticator app and recovery codes work as before. The server sends the options as JSON
// and receives the browser's answer as JSON in a normal form post (with the CSRF token).
(function () {
  'use strict'
  if (!window.PublicKeyCredential || !navigator.credentials) return

  function fromB64url(value) {
    var s = value.replace(/-/g, '+').replace(/_/g, '/')
    while (s.length % 4) s += '='
    var bin = atob(s)
    var bytes = new Uint8Array(bin.length)
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
    return bytes.buffer
  }
  function toB64url(buffer) {
    var bytes = new Uint8Array(buffer)
    var bin = ''
    for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i])
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  }
  function withIds(list) {
    return (list || []).map(function (c) {
      return { id: fromB64url(c.id), type: c.type || 'public-key', transports: c.transports }
    })
  }
  function creationOptions(json) {
    if (PublicKeyCredential.parseCreationOptionsFromJSON) return PublicKeyCredential.parseCreationOptionsFromJSON(json)
    var o = Object.assign({}, json)
    o.challenge = fromB64url(json.challenge)
    o.user = Object.assign({}, json.user, { id: fromB64url(json.user.id) })
    o.excludeCredentials = withIds(json.excludeCredentials)
    return o
  }
  function requestOptions(json) {
    if (PublicKeyCredential.parseRequestOptionsFromJSON) return PublicKeyCredential.parseRequestOptionsFromJSON(json)
    var o = Object.assign({}, json)
    o.challenge = fromB64url(json.challenge)
    o.allowCredentials = withIds(json.allowCredentials)
    return o
  }
  function answer(cred) {
    if (typeof cred.toJSON === 'function') return cred.toJSON()
    var r = cred.response
    var out = { id: cred.id, rawId: toB64url(cred.rawId), type: cred.type, clientExtensionResults: cred.getClientExtensionResults(), response: { clientDataJSON: toB64url(r.clientDataJSON) } }
    if (r.attestationObject) {
      out.response.attestationObject = toB64url(r.attestationObject)
      out.response.transports = r.getTransports ? r.getTransports() : []
    } else {
      out.response.authenticatorData = toB64url(r.authenticatorData)
      out.response.signature = toB64url(r.signature)
      if (r.userHandle) out.response.userHandle = toB64url(r.userHandle)
    }
    return out
  }

  function post(url, form, extra) {
    var body = new URLSearchParams(new FormData(form))
    Object.keys(extra).forEach(function (k) { body.set(k, extra[k]) })
    return fetch(url, { method: 'POST', body: body, credentials: 'same-origin' })
  }

  document.querySelectorAll('form[data-passkey]').forEach(function (form) {
    var status = form.querySelector('.passkey-status')
    var hint = document.getElementById('passkey-support')
    if (hint) hint.hidden = true
    form.addEventListener('submit', function (event) {
      event.preventDefault()
      var register = form.dataset.passkey === 'register'
      if (status) status.textContent = form.dataset.busy
      post(form.dataset.options, form, {})
        .then(function (res) {
          if (!res.ok) throw new Error('options')
          return res.json()
        })
        .then(function (json) {
          return register
            ? navigator.credentials.create({ publicKey: creationOptions(json) })
            : navigator.credentials.get({ publicKey: requestOptions(json) })
        })
        .then(function (cred) {
          return post(form.action, form, { response: JSON.stringify(answer(cred)) })
        })
        .then(function (res) {
          if (!res.ok) throw new Error('verify')
          window.location.assign(res.url)
        })
        .catch(function () {
          if (status) status.textContent = form.dataset.failed
        })
    })
  })
})()
