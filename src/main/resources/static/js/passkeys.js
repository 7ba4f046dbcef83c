// Passkeys (WebAuthn) through Spring Security's endpoints, without inline script (the CSP forbids it).
// On the sign-in page: a "Sign in with a passkey" button, and autofill (conditional mediation) on the
// email field where the browser offers it. On the passkeys settings page: "Add a passkey on this
// device". Without JavaScript or WebAuthn the pages work with the password as before; the passkey
// controls stay hidden. Every POST carries the page's CSRF token as a header.
(function () {
  "use strict";

  function fromBase64Url(text) {
    var padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
    var raw = window.atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes.buffer;
  }

  function toBase64Url(buffer) {
    var bytes = new Uint8Array(buffer);
    var raw = "";
    for (var i = 0; i < bytes.length; i++) { raw += String.fromCharCode(bytes[i]); }
    return window.btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function post(path, body) {
    var meta = document.querySelector("meta[name=_csrf]");
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    if (meta) { headers["X-CSRF-TOKEN"] = meta.getAttribute("content"); }
    return fetch(path, { method: "POST", headers: headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body) }).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    });
  }

  // An IP address is no relying party (browsers refuse passkeys there): on such an address the
  // passkey controls stay hidden, as without WebAuthn, and the password works as ever.
  function onAnAddressWithANameOfItsOwn() {
    var host = window.location.hostname;
    return !/^[0-9.]+$/.test(host) && host.indexOf(":") < 0 && host.charAt(0) !== "[";
  }

  function supported() {
    return !!(window.PublicKeyCredential && navigator.credentials && window.isSecureContext)
      && onAnAddressWithANameOfItsOwn();
  }

  function descriptors(list) {
    return (list || []).map(function (c) {
      return { type: c.type, id: fromBase64Url(c.id), transports: c.transports };
    });
  }

  // ------------------------------------------------------------------ sign in
  // One challenge at a time: the server keeps the last options it gave, so the autofill request and
  // the button share them (a second options request racing the first would leave the server holding
  // another challenge than the one signed). A credential spends them; the next try asks afresh.
  var pendingSignIn = null;
  var signInOptions = null;

  function currentOptions() {
    if (!signInOptions) {
      signInOptions = post("/webauthn/authenticate/options");
      signInOptions.catch(function () { signInOptions = null; });
    }
    return signInOptions;
  }

  // Whether the person picked a passkey in this try: until then an autofill request that fails
  // (no passkey on this device, the browser declining) is nothing they did, and says nothing.
  var chosen = false;

  function signIn(conditional) {
    chosen = false;
    if (pendingSignIn) { pendingSignIn.abort(); }
    var abort = new AbortController();
    pendingSignIn = abort;
    return currentOptions().then(function (options) {
      var publicKey = Object.assign({}, options, {
        challenge: fromBase64Url(options.challenge),
        allowCredentials: descriptors(options.allowCredentials)
      });
      var request = { publicKey: publicKey, signal: abort.signal };
      if (conditional) { request.mediation = "conditional"; }
      return navigator.credentials.get(request);
    }).then(function (credential) {
      signInOptions = null;
      chosen = true;
      var response = credential.response;
      return post("/login/webauthn", {
        id: credential.id,
        rawId: toBase64Url(credential.rawId),
        type: credential.type,
        response: {
          authenticatorData: toBase64Url(response.authenticatorData),
          clientDataJSON: toBase64Url(response.clientDataJSON),
          signature: toBase64Url(response.signature),
          userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined
        },
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      });
    }).then(function (answer) {
      if (!answer || !answer.authenticated) { throw new Error("not authenticated"); }
      window.location.assign(answer.redirectUrl || "/app");
    });
  }

  function setUpSignIn(section) {
    var button = section.querySelector("[data-passkey-signin]");
    var status = section.querySelector("[data-passkey-status]");
    if (!supported()) { return; }
    section.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = "";
      signIn(false).catch(function (e) {
        if (e && e.name === "AbortError") { return; }
        status.textContent = section.getAttribute("data-failed");
        startAutofill();
      });
    });
    function startAutofill() {
      if (!PublicKeyCredential.isConditionalMediationAvailable) { return; }
      PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
        if (!available) { return; }
        signIn(true).catch(function (e) {
          if (chosen && !(e && e.name === "AbortError")) { status.textContent = section.getAttribute("data-failed"); }
        });
      }).catch(function () { /* no autofill: the button and the password still work */ });
    }
    startAutofill();
  }

  // ------------------------------------------------------------------ add a passkey
  function setUpRegistration(section) {
    var form = section.querySelector("form");
    var label = section.querySelector("[name=label]");
    var status = section.querySelector("[data-passkey-status]");
    if (!supported()) {
      status.textContent = section.getAttribute("data-unsupported");
      return;
    }
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button");
      button.disabled = true;
      status.textContent = section.getAttribute("data-working");
      post("/webauthn/register/options").then(function (options) {
        var publicKey = Object.assign({}, options, {
          challenge: fromBase64Url(options.challenge),
          user: Object.assign({}, options.user, { id: fromBase64Url(options.user.id) }),
          excludeCredentials: descriptors(options.excludeCredentials)
        });
        return navigator.credentials.create({ publicKey: publicKey });
      }).then(function (credential) {
        var response = credential.response;
        return post("/webauthn/register", {
          publicKey: {
            label: label.value,
            credential: {
              id: credential.id,
              rawId: toBase64Url(credential.rawId),
              type: credential.type,
              response: {
                attestationObject: toBase64Url(response.attestationObject),
                clientDataJSON: toBase64Url(response.clientDataJSON),
                transports: response.getTransports ? response.getTransports() : []
              },
              clientExtensionResults: credential.getClientExtensionResults(),
              authenticatorAttachment: credential.authenticatorAttachment
            }
          }
        });
      }).then(function (answer) {
        if (!answer || !answer.success) { throw new Error("not saved"); }
        window.location.assign(section.getAttribute("data-done"));
      }).catch(function () {
        status.textContent = section.getAttribute("data-failed");
        button.disabled = false;
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var signInSection = document.getElementById("passkey-signin");
    if (signInSection) { setUpSignIn(signInSection); }
    var addSection = document.getElementById("passkey-add");
    if (addSection) { setUpRegistration(addSection); }
  });
})();
