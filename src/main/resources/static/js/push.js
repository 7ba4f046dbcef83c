// "Notify this device" on the notification settings page: subscribes this browser to Web Push with
// the practice's VAPID public key and gives the subscription to Bedside. The notices say only that
// there is a new secure message (the service worker, /sw.js, shows them and opens Bedside on a tap).
(function () {
  "use strict";
  function base64UrlToBytes(text) {
    var padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
    var raw = window.atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }
  function csrf() {
    var meta = document.querySelector("meta[name=_csrf]");
    return meta ? meta.getAttribute("content") : "";
  }
  document.addEventListener("DOMContentLoaded", function () {
    var section = document.getElementById("push");
    var button = document.getElementById("push-enable");
    var status = document.getElementById("push-status");
    if (!section || !button || !status) { return; }
    function say(key) { status.textContent = button.getAttribute("data-" + key) || ""; }
    if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
      say("unsupported");
      return;
    }
    if (Notification.permission === "denied") {
      say("denied");
      return;
    }
    button.hidden = false;
    navigator.serviceWorker.ready.then(function (registration) {
      return registration.pushManager.getSubscription();
    }).then(function (existing) {
      if (existing && Notification.permission === "granted") { say("enabled"); }
    }).catch(function () { /* the button still works */ });
    button.addEventListener("click", function () {
      button.disabled = true;
      Notification.requestPermission().then(function (permission) {
        if (permission !== "granted") { throw new Error(permission === "denied" ? "denied" : "failed"); }
        return navigator.serviceWorker.ready;
      }).then(function (registration) {
        return registration.pushManager.getSubscription().then(function (existing) {
          return existing || registration.pushManager.subscribe({
            userVisibleOnly: true,
            applicationServerKey: base64UrlToBytes(section.getAttribute("data-push-key"))
          });
        });
      }).then(function (subscription) {
        return fetch("/app/settings/notifications/devices", {
          method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": csrf() },
          body: JSON.stringify(subscription.toJSON())
        });
      }).then(function (response) {
        if (!response.ok) { throw new Error("failed"); }
        window.location.assign("/app/settings/notifications?deviceAdded#push");
      }).catch(function (e) {
        say(e && e.message === "denied" ? "denied" : "failed");
        button.disabled = false;
      });
    });
  });
})();
